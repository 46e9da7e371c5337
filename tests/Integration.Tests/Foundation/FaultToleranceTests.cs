using System.Net;
using Npgsql;
using SecureRag.Hosting;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Foundation;

/// <summary>Stops servers, so it runs on a platform of its own.</summary>
public sealed class FaultToleranceTests(FaultToleranceTests.OwnPlatform platform) : IClassFixture<FaultToleranceTests.OwnPlatform>
{
    [Fact]
    public async Task StateChangesCommitWhileRabbitMqIsDownAndTheirMessagesAreDeliveredAfter()
    {
        var ct = TestContext.Current.CancellationToken;
        await platform.EnsureStartedAsync();
        var tenant = await platform.Client.CreateTenantAsync("outbox");
        await platform.App.StopResourceAsync("messaging", ct);
        try
        {
            for (var i = 0; i < 5; i++)
            {
                await tenant.CreateKeyAsync(new { name = $"while down {i}", scopes = new[] { "query" } });
            }

            Assert.True(await UnsentAsync() >= 5, "The events should wait in the outbox while the broker is down.");
        }
        finally
        {
            await platform.App.StartResourceAsync("messaging", ct);
        }

        await Eventually.TrueAsync(async () => await UnsentAsync() == 0, TimeSpan.FromSeconds(60), "the outbox to drain after the broker returned");
    }

    [Fact]
    public async Task ServiceWhoseDependencyIsDownIsNotReadyAndRecoversByItself()
    {
        var ct = TestContext.Current.CancellationToken;
        await platform.EnsureStartedAsync();
        using var gateway = platform.Client.Gateway();
        await platform.App.StopResourceAsync("cache", ct);
        try
        {
            await Eventually.TrueAsync(async () => (await gateway.GetAsync("/health", ct)).StatusCode == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(30), "the Gateway to report not ready without Redis");
            Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/alive", ct)).StatusCode);
        }
        finally
        {
            await platform.App.StartResourceAsync("cache", ct);
        }

        await Eventually.TrueAsync(async () => (await gateway.GetAsync("/health", ct)).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "the Gateway to be ready again once Redis is back");
    }

    private async Task<long> UnsentAsync()
    {
        await using var connection = new NpgsqlConnection(platform.App.GetDatabaseConnectionString("auth"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public sealed class OwnPlatform : IAsyncLifetime
    {
        public DistributedApplication App { get; private set; } = null!;

        public PlatformClient Client { get; private set; } = null!;

        // Started by the first test that needs it, so skipped tests cost no platform.
        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async Task EnsureStartedAsync()
        {
            if (App is null)
            {
                App = await PlatformFixture.StartAsync();
                Client = await PlatformClient.BootstrapAsync(App);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }
    }
}
