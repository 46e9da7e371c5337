using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SecureRag.Inference.Domain;
using SecureRag.Inference.Extensions;
using SecureRag.Inference.Grpc;
using SecureRag.Inference.Infrastructure;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.ServiceDefaults.Egress;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.Inference.Tests;

/// <summary>
/// The service's real registrations (everything but PostgreSQL, which in-memory repositories stand in for) in a host
/// of its own, with fake DNS, captured logs and a telemetry source named for this host alone.
/// </summary>
public sealed class InferenceTestHost : IAsyncDisposable
{
    private static readonly Lazy<X509Certificate2> SharedCertificate = new(() => KeyEncryptionCertificate.Create("CN=SecureRag tests"));

    private InferenceTestHost(IHost host, string telemetryName)
    {
        Host = host;
        TelemetryName = telemetryName;
    }

    public IHost Host { get; }

    public string TelemetryName { get; }

    public CapturedLogs Logs => Host.Services.GetRequiredService<CapturedLogs>();

    public InferenceGrpcService Service => Host.Services.GetRequiredService<InferenceGrpcService>();

    public ModelRegistry Registry => Host.Services.GetRequiredService<ModelRegistry>();

    public InMemoryCredentialRepository Credentials => Host.Services.GetRequiredService<InMemoryCredentialRepository>();

    public static async Task<InferenceTestHost> StartAsync(
        IDictionary<string, string?> configuration, FakeResolver? resolver = null, bool start = true)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(configuration);
        var logs = new CapturedLogs();
        builder.Logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Services.AddSingleton(logs);

        var telemetryName = $"SecureRag.Inference.Tests.{Guid.NewGuid():N}";
        builder.Services.AddSingleton(new ServiceTelemetry(telemetryName));
        builder.Services.AddInferenceModels();
        builder.Services.AddSingleton<IHostAddressResolver>(resolver ?? new FakeResolver());
        builder.Services.AddSingleton<InMemoryCredentialRepository>();
        builder.Services.AddSingleton<ICredentialRepository>(sp => sp.GetRequiredService<InMemoryCredentialRepository>());
        builder.Services.AddSingleton<IXmlRepository, InMemoryXmlRepository>();
        builder.Services.AddProviderCredentials(SharedCertificate.Value);
        builder.Services.AddSingleton<InferenceGrpcService>();

        var host = builder.Build();
        var testHost = new InferenceTestHost(host, telemetryName);
        if (start)
        {
            try
            {
                await host.StartAsync(TestContext.Current.CancellationToken);
            }
            catch
            {
                host.Dispose();
                throw;
            }
        }

        return testHost;
    }

    /// <summary>Configuration for one runtime model (and anything else) on top of the defaults.</summary>
    public static Dictionary<string, string?> Model(string name, Uri endpoint, string modelId, string kind = "Chat", string timeout = "00:00:10") => new()
    {
        [$"Inference:Models:{name}:Endpoint"] = endpoint.ToString(),
        [$"Inference:Models:{name}:ModelId"] = modelId,
        [$"Inference:Models:{name}:Kind"] = kind,
        [$"Inference:Models:{name}:ContextWindow"] = "8192",
        [$"Inference:Models:{name}:MaxOutputTokens"] = "256",
        [$"Inference:Models:{name}:Timeout"] = timeout,
    };

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Host.StopAsync(CancellationToken.None);
        }
        catch (OperationCanceledException)
        {
        }

        Host.Dispose();
    }
}
