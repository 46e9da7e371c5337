using SecureRag.AppHost;
using SecureRag.Hosting;
using SecureRag.Hosting.Testing;

[assembly: AssemblyFixture(typeof(SecureRag.Integration.Tests.Infrastructure.PlatformFixture))]

namespace SecureRag.Integration.Tests.Infrastructure;

/// <summary>
/// The whole platform, started once per test run from the AppHost's own model, with two Gateway replicas; and the
/// first owner's key, obtained the way an operator would: by exchanging the bootstrap credential.
/// </summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public DistributedApplication App { get; private set; } = null!;

    public PlatformClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await StartAsync();
        Client = await PlatformClient.BootstrapAsync(App);
    }

    /// <summary>Starts a platform of its own, for tests that stop servers or services.</summary>
    public static async Task<DistributedApplication> StartAsync(Action<TestingOptions>? configure = null)
    {
        var builder = DistributedApplicationTestingBuilder.Create(SecureRagApp.Define, options =>
        {
            options.Configuration["Gateway:Replicas"] = "2";
            // The tests present many bad credentials on purpose, all from loopback; the limiter has tests of its own (0 = off).
            options.Configuration["Gateway:AuthFailuresPerMinute"] = "0";
            // On the shared 2-core machine under load the services took longer than the default 90 s to become healthy;
            // the start as a whole is still bounded by the three minutes below.
            options.StartupTimeout = TimeSpan.FromSeconds(170);
            configure?.Invoke(options);
        });
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await app.StartAsync(timeout.Token);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
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
