using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace SecureRag.ServiceDefaults.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// Traces, metrics and logs with OpenTelemetry, exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set
    /// (protocol, headers and batching come from the standard <c>OTEL_*</c> variables).
    /// </summary>
    public static IHostApplicationBuilder AddServiceTelemetry(this IHostApplicationBuilder builder)
    {
        var telemetry = new ServiceTelemetry(builder.Environment.ApplicationName);
        builder.Services.AddSingleton(telemetry);

        // Npgsql logs every statement at Information: noisy, costly, and statements may carry data.
        builder.Logging.AddFilter("Npgsql", LogLevel.Warning);
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(InstrumentationOptions.MeterName, telemetry.Meter.Name))
            .WithTracing(tracing => tracing
                .AddSource(telemetry.ActivitySource.Name, DiagnosticHeaders.DefaultListenerName)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsHealthProbe(context))
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    private static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health");
}
