using System.Globalization;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Projects;

/// <summary>
/// The environment a project replica receives, in the names Aspire uses, so a service reads ordinary configuration and
/// never knows who started it: connection strings, service-discovery endpoints, OpenTelemetry and Kestrel endpoints.
/// </summary>
internal static class ProjectEnvironment
{
    /// <summary>Inherited variables of these kinds are removed, so the AppHost's own settings (an administrator's
    /// connection string, for one) never leak into a service.</summary>
    public static readonly IReadOnlyList<string> RemovedPrefixes =
        ["ConnectionStrings__", "services__", "OTEL_", "Kestrel__", "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_URLS", "HTTP_PORTS", "HTTPS_PORTS"];

    public static Dictionary<string, string?> Build(ProjectResource project, int replica, string instanceName, OrchestratorContext context)
    {
        var addresses = context.Addresses;
        var own = addresses.Replicas[project.Name][replica];
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = context.Options.Environment,
            ["DOTNET_ENVIRONMENT"] = context.Options.Environment,
            ["Kestrel__Endpoints__http__Url"] = Url(own.HttpUri),
            ["Kestrel__Endpoints__grpc__Url"] = Url(own.GrpcUri),
            ["Kestrel__Endpoints__grpc__Protocols"] = "Http2",
            ["Kestrel__Endpoints__https__Url"] = own.HttpsUri is { } https ? Url(https) : null,
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={instanceName}",
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = addresses.OtlpEndpoint?.GetLeftPart(UriPartial.Authority),
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            // Short export delays, so a trace shows up in the AppHost (and in a test) within a second.
            ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
        };

        foreach (var reference in project.Annotations.OfType<ResourceReferenceAnnotation>().Select(a => a.Resource))
        {
            switch (reference)
            {
                case PostgresDatabaseResource database:
                    environment[$"ConnectionStrings__{database.Name}"] = addresses.RoleConnectionString(database, project);
                    break;
                case IResourceWithConnectionString resource:
                    environment[$"ConnectionStrings__{resource.Name}"] = addresses.ConnectionString(resource);
                    break;
                case ProjectResource other:
                    var replicas = addresses.Replicas[other.Name];
                    for (var i = 0; i < replicas.Count; i++)
                    {
                        var index = i.ToString(CultureInfo.InvariantCulture);
                        foreach (var (name, endpoint) in replicas[i].Endpoints)
                        {
                            environment[$"services__{other.Name}__{name}__{index}"] = Url(endpoint);
                        }
                    }

                    break;
            }
        }

        var callbackContext = CallbackContext(project, instanceName, context);
        foreach (var annotation in project.Annotations)
        {
            switch (annotation)
            {
                case EnvironmentAnnotation variable:
                    environment[variable.Name] = variable.Value;
                    break;
                case EnvironmentCallbackAnnotation callback:
                    environment[callback.Name] = callback.Value(callbackContext);
                    break;
            }
        }

        return environment;
    }

    private static EnvironmentCallbackContext CallbackContext(ProjectResource project, string instanceName, OrchestratorContext context)
    {
        var secrets = new SecretStore(Path.Combine(context.DataDirectory, "secrets"));
        return new EnvironmentCallbackContext(project, instanceName, context.DataDirectory, name => secrets.GetOrCreate(name), context.Addresses.Endpoint);
    }

    private static string Url(Uri endpoint) => endpoint.GetLeftPart(UriPartial.Authority);
}
