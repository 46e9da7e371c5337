using SecureRag.Hosting;
using SecureRag.Hosting.Testing;

[assembly: AssemblyFixture(typeof(SecureRag.Hosting.Tests.ServersFixture))]

namespace SecureRag.Hosting.Tests;

/// <summary>
/// The application shared by the tests that only read: PostgreSQL with pgvector and the <c>securerag</c> database,
/// Redis, RabbitMQ, and two test services (<c>alpha</c>, and <c>beta</c> with two replicas), each with its own role.
/// Tests that stop or kill something start their own application.
/// </summary>
public sealed class ServersFixture : IAsyncLifetime
{
    private DistributedApplication? _app;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    public async ValueTask InitializeAsync()
    {
        var builder = DistributedApplicationTestingBuilder.Create(Define);
        _app = await builder.BuildAsync();
        // Bounded by TestingOptions.StartupTimeout, whose error names the resources that are not healthy.
        await _app.StartAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static void Define(IDistributedApplicationBuilder builder)
    {
        var postgres = builder.AddPostgres("postgres").WithPgVector();
        var database = postgres.AddDatabase("securerag");
        var cache = builder.AddRedis("cache");
        var messaging = builder.AddRabbitMQ("messaging");

        var beta = builder.AddTestService("beta")
            .WithReference(database).WaitFor(database)
            .WithReplicas(2);
        builder.AddTestService("alpha")
            .WithReference(database).WaitFor(database)
            .WithReference(cache).WaitFor(cache)
            .WithReference(messaging).WaitFor(messaging)
            .WithReference(beta)
            .WithEnvironment("Alpha__Greeting", "hello")
            .WithEnvironment("Alpha__Secret", c => c.GetSecret("alpha-secret"))
            .WithEnvironment("Alpha__BetaUrl", c => c.GetEndpoint("beta", "grpc", 1).ToString())
            .WithEnvironment("Alpha__Instance", c => $"{c.InstanceName} {c.DataDirectory}");
    }
}
