using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.Otlp.Proto.Collector.Logs.V1;
using SecureRag.Hosting.Otlp.Proto.Collector.Metrics.V1;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Rpc;

namespace SecureRag.Hosting.Otlp;

/// <summary>The OTLP/HTTP receiver: <c>POST /v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> with binary protobuf bodies.</summary>
public static class OtlpReceiverEndpoints
{
    /// <summary>The largest request body accepted, before and after gzip; larger ones are answered with 413.</summary>
    public const int MaxRequestBodyBytes = 16 * 1024 * 1024;

    private const int InvalidArgument = 3; // google.rpc.Code.INVALID_ARGUMENT

    /// <summary>
    /// Maps the OTLP/HTTP export endpoints, which keep spans and logs in the <see cref="TelemetryStore"/> registered with
    /// <see cref="OtlpReceiverServiceCollectionExtensions.AddOtlpReceiver"/> and count metric data points.
    /// </summary>
    public static IEndpointRouteBuilder MapOtlpReceiver(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var services = endpoints.ServiceProvider;
        var store = services.GetRequiredService<TelemetryStore>();
        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("SecureRag.Hosting.Otlp.OtlpReceiver");

        var otlp = endpoints.MapGroup("/v1").ExcludeFromDescription();
        otlp.MapPost("/traces", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, ExportTraceServiceRequest.Parser, export => AcceptTraces(export, store), logger, ct));
        otlp.MapPost("/logs", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, ExportLogsServiceRequest.Parser, export => AcceptLogs(export, store, time), logger, ct));
        otlp.MapPost("/metrics", (HttpRequest request, CancellationToken ct) =>
            ReceiveAsync(request, ExportMetricsServiceRequest.Parser, export => AcceptMetrics(export, store), logger, ct));
        return endpoints;
    }

    private static async Task<ProtobufHttpResult> ReceiveAsync<TRequest>(
        HttpRequest request,
        MessageParser<TRequest> parser,
        Func<TRequest, IMessage> accept,
        ILogger logger,
        CancellationToken ct)
        where TRequest : IMessage<TRequest>
    {
        try
        {
            var export = await OtlpRequestReader.ReadAsync(request, parser, MaxRequestBodyBytes, ct).ConfigureAwait(false);
            return new ProtobufHttpResult(accept(export));
        }
        catch (OtlpRequestException ex)
        {
            // OTLP/HTTP failures carry a google.rpc.Status body; 400/413/415 tell the exporter not to retry.
            logger.LogWarning("Rejected an OTLP export to {Path} with {StatusCode}: {Reason}", request.Path, ex.StatusCode, ex.Message);
            return new ProtobufHttpResult(new Status { Code = InvalidArgument, Message = ex.Message }, ex.StatusCode);
        }
    }

    private static ExportTraceServiceResponse AcceptTraces(ExportTraceServiceRequest export, TelemetryStore store)
    {
        var spans = OtlpSpanConverter.Convert(export, out var rejected);
        store.AddSpans(spans);

        // "Partial Success" (OTLP specification): the valid spans are kept and the response says how many were not.
        return rejected == 0
            ? new ExportTraceServiceResponse()
            : new ExportTraceServiceResponse
            {
                PartialSuccess = new ExportTracePartialSuccess
                {
                    RejectedSpans = rejected,
                    ErrorMessage = $"{rejected} span(s) had an invalid trace id or span id.",
                },
            };
    }

    private static ExportLogsServiceResponse AcceptLogs(ExportLogsServiceRequest export, TelemetryStore store, TimeProvider time)
    {
        store.AddLogs(OtlpLogConverter.Convert(export, time.GetUtcNow()));
        return new ExportLogsServiceResponse();
    }

    private static ExportMetricsServiceResponse AcceptMetrics(ExportMetricsServiceRequest export, TelemetryStore store)
    {
        store.CountMetricDataPoints(OtlpMetricCounter.CountDataPoints(export));
        return new ExportMetricsServiceResponse();
    }
}
