using SecureRag.Hosting;

namespace SecureRag.AppHost;

/// <summary>
/// The distributed application: the stores, the services and how they reference each other. Both
/// <c>dotnet run --project AppHost</c> and the integration tests' testing builder start this model.
/// </summary>
public static class SecureRagApp
{
    public static void Define(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithPgVector();
        var database = postgres.AddDatabase("securerag");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        // Each project that references the database gets its own login role and schema, named after the resource.
        ProjectResourceBuilder Service(string name, string project) =>
            builder.AddProject(name, project)
                .WithReference(database).WaitFor(database)
                .WithReference(messaging).WaitFor(messaging);

        var auth = Service("auth", "services/Auth/Auth.csproj")
            .WithReference(cache).WaitFor(cache);
        var audit = Service("audit", "services/Audit/Audit.csproj");
        var inference = Service("inference", "services/Inference/Inference.csproj");
        var guardrail = Service("guardrail", "services/Guardrail/Guardrail.csproj");
        var retrieval = Service("retrieval", "services/Retrieval/Retrieval.csproj")
            .WithReference(inference);
        var ingestion = Service("ingestion", "services/Ingestion/Ingestion.csproj")
            .WithReference(guardrail).WithReference(inference).WithReference(retrieval);

        Service("gateway", "services/Gateway/Gateway.csproj")
            .WithReference(cache).WaitFor(cache)
            .WithReference(auth).WaitFor(auth)
            .WithReference(audit)
            .WithReference(ingestion)
            .WithReference(retrieval)
            .WithReference(guardrail)
            .WithReference(inference)
            .WithReplicas(builder.Configuration.GetValue("Gateway:Replicas", 1));
    }
}
