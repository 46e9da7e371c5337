using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using SecureRag.ServiceDefaults.Grpc;
using SecureRag.ServiceDefaults.Health;
using SecureRag.ServiceDefaults.Security;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.ServiceDefaults;

/// <summary>
/// The defaults every SecureRag service calls first: telemetry, health, service discovery, resilient HTTP clients
/// and the gRPC server. Mirrors Aspire's ServiceDefaults so a service never knows who started it.
/// </summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>Liveness endpoint: the process is up.</summary>
    public const string AlivePath = "/alive";

    /// <summary>Readiness endpoint: the process and the dependencies it needs are up.</summary>
    public const string HealthPath = "/health";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.AddServiceTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        builder.Services.AddProblemDetails();
        builder.AddServiceGrpc();
        builder.AddAssertionSecurity();
        return builder;
    }

    /// <summary>Maps <c>/health</c>, <c>/alive</c> and the standard gRPC health service (<c>grpc.health.v1</c>).</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Always on: Kubernetes probes and the AppHost both depend on them. Degraded is not ready.
        app.MapHealthChecks(HealthPath, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains(HealthTags.Live) });
        app.MapGrpcHealthChecksService();
        return app;
    }
}
