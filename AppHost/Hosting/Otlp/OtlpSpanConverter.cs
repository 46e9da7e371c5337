using System.Diagnostics;
using SecureRag.Hosting.Otlp.Proto.Collector.Trace.V1;
using SecureRag.Hosting.Otlp.Proto.Trace.V1;
using OtlpStatusCode = SecureRag.Hosting.Otlp.Proto.Trace.V1.Status.Types.StatusCode;

namespace SecureRag.Hosting.Otlp;

/// <summary>Flattens an OTLP trace export into <see cref="SpanRecord"/>s.</summary>
internal static class OtlpSpanConverter
{
    /// <summary>Converts every valid span; spans without a valid trace or span id are counted in <paramref name="rejected"/>.</summary>
    public static List<SpanRecord> Convert(ExportTraceServiceRequest request, out int rejected)
    {
        var spans = new List<SpanRecord>();
        rejected = 0;
        foreach (var resourceSpans in request.ResourceSpans)
        {
            var resource = OtlpResourceInfo.From(resourceSpans.Resource);
            foreach (var scopeSpans in resourceSpans.ScopeSpans)
            {
                var scopeName = scopeSpans.Scope?.Name;
                foreach (var span in scopeSpans.Spans)
                {
                    var traceId = OtlpIds.ToHex(span.TraceId, OtlpIds.TraceIdLength);
                    var spanId = OtlpIds.ToHex(span.SpanId, OtlpIds.SpanIdLength);
                    if (traceId is null || spanId is null)
                    {
                        rejected++;
                        continue;
                    }

                    spans.Add(ToRecord(span, traceId, spanId, resource, scopeName));
                }
            }
        }

        return spans;
    }

    private static SpanRecord ToRecord(Span span, string traceId, string spanId, OtlpResourceInfo resource, string? scopeName) => new()
    {
        TraceId = traceId,
        SpanId = spanId,
        ParentSpanId = OtlpIds.ToHex(span.ParentSpanId, OtlpIds.SpanIdLength),
        Name = span.Name,
        Kind = ToActivityKind(span.Kind),
        StartTime = OtlpTime.FromUnixNanoseconds(span.StartTimeUnixNano),
        EndTime = OtlpTime.FromUnixNanoseconds(span.EndTimeUnixNano),
        ServiceName = resource.ServiceName,
        ServiceInstanceId = resource.ServiceInstanceId,
        StatusCode = span.Status?.Code switch
        {
            OtlpStatusCode.Ok => ActivityStatusCode.Ok,
            OtlpStatusCode.Error => ActivityStatusCode.Error,
            _ => ActivityStatusCode.Unset,
        },
        StatusMessage = string.IsNullOrEmpty(span.Status?.Message) ? null : span.Status.Message,
        Attributes = OtlpValueFormatter.ToDictionary(span.Attributes),
        Events = [.. span.Events.Select(e => new SpanEventRecord(
            e.Name, OtlpTime.FromUnixNanoseconds(e.TimeUnixNano), OtlpValueFormatter.ToDictionary(e.Attributes)))],
        ScopeName = string.IsNullOrEmpty(scopeName) ? null : scopeName,
    };

    // UNSPECIFIED "MAY" be read as INTERNAL (trace.proto, Span.SpanKind).
    private static ActivityKind ToActivityKind(Span.Types.SpanKind kind) => kind switch
    {
        Span.Types.SpanKind.Server => ActivityKind.Server,
        Span.Types.SpanKind.Client => ActivityKind.Client,
        Span.Types.SpanKind.Producer => ActivityKind.Producer,
        Span.Types.SpanKind.Consumer => ActivityKind.Consumer,
        _ => ActivityKind.Internal,
    };
}
