using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SecureRag.AppHost.Dashboard;
using SecureRag.Hosting;
using SecureRag.Hosting.Dashboard;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.AppHost;

/// <summary>
/// The distributed application: the stores, the services and how they reference each other. Both
/// <c>dotnet run --project AppHost</c> and the integration tests' testing builder start this model.
/// </summary>
public static class SecureRagApp
{
    /// <summary>Where Auth writes the one-time bootstrap owner credential at the platform's first start.</summary>
    public const string BootstrapCredentialFile = "bootstrap-owner.credential";

    public static void Define(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithPgVector();
        var database = postgres.AddDatabase("securerag");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        var auth = builder.AddProject("auth", "services/Auth/Auth.csproj")
            .WithReference(database).WaitFor(database)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(cache).WaitFor(cache)
            .WithEnvironment("Auth__ApiKeyDigestKey", c => Key(c, "auth-apikey-digest-key"))
            .WithEnvironment("Auth__KeyEncryptionKey", c => Key(c, "auth-key-encryption-key"))
            .WithEnvironment("Auth__BootstrapCredentialPath", c => Path.Combine(c.DataDirectory, BootstrapCredentialFile))
            .WithEnvironment("Auth__Oidc__DevelopmentIssuer", c => new Uri(c.GetEndpoint("auth", "http"), "/dev/oidc").ToString());
        // The issuers tenants may bind are the operator's configuration: the AppHost's own Auth:Oidc section.
        ForwardSection(builder.Configuration, "Auth:Oidc", auth);

        // Every other service proves who it is to Auth with a credential of its own; Auth holds only their digests.
        IResourceBuilder<ProjectResource> Service(string name, string project)
        {
            var secret = $"service-credential-{name}";
            auth.WithEnvironment($"Auth__ServiceCredentials__{name}", c => Sha256Hex(c.GetSecret(secret)));
            return builder.AddProject(name, project)
                .WithReference(database).WaitFor(database)
                .WithReference(messaging).WaitFor(messaging)
                .WithReference(auth).WaitFor(auth)
                .WithEnvironment("ServiceIdentity__Secret", c => c.GetSecret(secret));
        }

        var audit = Service("audit", "services/Audit/Audit.csproj")
            .WithEnvironment("Audit__ChainKey", c => Key(c, "audit-chain-key"))
            .WithEnvironment("Audit__Checkpoint__Path", c => Path.Combine(c.DataDirectory, "audit-checkpoint.json"));
        var inference = Service("inference", "services/Inference/Inference.csproj")
            .WithEnvironment("Inference__KeyEncryption__DevelopmentCertificatePath", c => Path.Combine(c.DataDirectory, "inference", "key-encryption.pfx"));
        // The model registry is the operator's configuration: the AppHost's own Inference section (appsettings,
        // environment, or a test's configuration) reaches the service unchanged.
        ForwardSection(builder.Configuration, "Inference", inference);
        var guardrail = Service("guardrail", "services/Guardrail/Guardrail.csproj");
        var retrieval = Service("retrieval", "services/Retrieval/Retrieval.csproj")
            .WithReference(inference);
        // One upload limit for both ends of the upload stream, so the Gateway and Ingestion never disagree on it.
        var maxDocumentBytes = builder.Configuration.GetValue("Ingestion:MaxDocumentBytes", 50L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ingestion = Service("ingestion", "services/Ingestion/Ingestion.csproj")
            .WithReference(guardrail).WithReference(inference).WithReference(retrieval)
            .WithEnvironment("Ingestion__Limits__MaxDocumentBytes", maxDocumentBytes);

        // The public API: HTTPS with a development certificate kept in the data directory, and plain HTTP on loopback.
        Service("gateway", "services/Gateway/Gateway.csproj")
            .WithHttpsEndpoint()
            .WithEnvironment("Gateway__Transport__DevelopmentCertificatePath", c => Path.Combine(c.DataDirectory, "gateway", "development-certificate.pfx"))
            .WithReference(cache).WaitFor(cache)
            .WithReference(ingestion)
            .WithReference(retrieval)
            .WithReference(guardrail)
            .WithReference(inference)
            .WithReference(audit).WaitFor(audit)
            .WithReplicas(builder.Configuration.GetValue("Gateway:Replicas", 1))
            .WithEnvironment("Gateway__Uploads__MaxDocumentBytes", maxDocumentBytes)
            .WithEnvironment("Gateway__RateLimiting__AuthFailuresPerMinute", builder.Configuration.GetValue("Gateway:AuthFailuresPerMinute", 20).ToString(System.Globalization.CultureInfo.InvariantCulture));

        // The dashboard's Audit page: the trail in the Audit service's schema, verified by the service's own verifier.
        builder.Services.AddSingleton<IDashboardAuditTrail, SecureRagAuditTrail>();
    }

    /// <summary>Passes every value of a configuration section to a project as environment variables (<c>A:B</c> → <c>A__B</c>).</summary>
    private static void ForwardSection(IConfiguration configuration, string section, IResourceBuilder<ProjectResource> project)
    {
        foreach (var (key, value) in configuration.GetSection(section).AsEnumerable())
        {
            if (value is not null)
            {
                project.WithEnvironment(key.Replace(":", "__", StringComparison.Ordinal), value);
            }
        }
    }

    /// <summary>A 256-bit key (base64) from a generated secret.</summary>
    private static string Key(EnvironmentCallbackContext context, string name) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(context.GetSecret(name))));

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
