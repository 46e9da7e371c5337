using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration.Memory;
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

        AddDefaultLogLevels(builder);
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

    /// <summary>
    /// Framework categories that write records for every statement, call or request, quietened by default. They sit
    /// below every other configuration source, so any <c>Logging__LogLevel__&lt;category&gt;</c> setting overrides them.
    /// </summary>
    private static void AddDefaultLogLevels(IHostApplicationBuilder builder)
    {
        var levels = new Dictionary<string, string?>
        {
            // Every statement at Information: noisy, costly, and statements may carry data.
            ["Logging:LogLevel:Npgsql"] = "Warning",

            // Four records for every outgoing HTTP or gRPC call.
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
        };
        if (!builder.Environment.IsDevelopment())
        {
            // Four records for every request served, as ASP.NET Core's production template has it; the local
            // dashboard keeps them in Development.
            levels["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
        }

        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = levels });
    }

    private static bool IsHealthProbe(HttpContext context) =>
        context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.HealthPath)
        || context.Request.Path.StartsWithSegments(ServiceDefaultsExtensions.AlivePath)
        || context.Request.Path.StartsWithSegments("/grpc.health.v1.Health");
}
