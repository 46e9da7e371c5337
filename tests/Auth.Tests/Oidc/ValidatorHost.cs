using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureRag.Auth.Oidc;

namespace SecureRag.Auth.Tests.Oidc;

/// <summary>Auth's OIDC registrations (<c>AddOidc</c>) in a bare host, configured only by the test.</summary>
public sealed class ValidatorHost : IDisposable
{
    private ValidatorHost(IHost host, CapturedLogs logs)
    {
        Host = host;
        Logs = logs;
    }

    public IHost Host { get; }

    public CapturedLogs Logs { get; }

    public IExternalTokenValidator Validator => Host.Services.GetRequiredService<IExternalTokenValidator>();

    /// <summary>A host trusting <paramref name="issuers"/>, plus any further <c>Auth:Oidc</c> settings.</summary>
    public static ValidatorHost Create(
        IEnumerable<string> issuers, string environment = "Development", IDictionary<string, string?>? settings = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = environment, DisableDefaults = true });
        var configuration = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        var index = 0;
        foreach (var issuer in issuers)
        {
            configuration[$"Auth:Oidc:TrustedIssuers:{index++}:Issuer"] = issuer;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.AddOidc();
        return new ValidatorHost(builder.Build(), logs);
    }

    public static ValidatorHost Create(TestRealm realm, IDictionary<string, string?>? settings = null) =>
        Create([realm.Issuer], settings: settings);

    public void Dispose() => Host.Dispose();
}
