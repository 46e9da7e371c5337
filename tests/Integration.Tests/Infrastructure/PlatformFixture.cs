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

    /// <summary>The hostile model of the guardrail tests, registered in Inference's model registry as <c>hostile</c>.</summary>
    public HostileModel HostileModel { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        HostileModel = await HostileModel.StartAsync();
        App = await StartAsync(options => HostileModel.Register(options.Configuration));
        Client = await PlatformClient.BootstrapAsync(App);
    }

    /// <summary>An identity provider the test platform's operator trusts; no test fetches its keys.</summary>
    public const string TrustedIssuer = "https://idp.example/trusted";

    /// <summary>Starts a platform of its own, for tests that stop servers or services.</summary>
    public static async Task<DistributedApplication> StartAsync(Action<TestingOptions>? configure = null)
    {
        var builder = DistributedApplicationTestingBuilder.Create(SecureRagApp.Define, options =>
        {
            options.Configuration["Gateway:Replicas"] = "2";
            // The tests present many bad credentials on purpose, all from loopback; the limiter has tests of its own (0 = off).
            options.Configuration["Gateway:AuthFailuresPerMinute"] = "0";
            options.Configuration["Auth:Oidc:TrustedIssuers:0:Issuer"] = TrustedIssuer;
            // The machine is shared: seven services starting at once under someone else's build can take minutes.
            options.StartupTimeout = TimeSpan.FromMinutes(4);
            configure?.Invoke(options);
        });
        var app = await builder.BuildAsync();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
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

        if (HostileModel is not null)
        {
            await HostileModel.DisposeAsync();
        }
    }
}
