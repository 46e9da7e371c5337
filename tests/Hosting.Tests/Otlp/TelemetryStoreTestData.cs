using System.Diagnostics;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>Spans and log records built directly, for store tests that need no receiver.</summary>
internal static class TelemetryStoreTestData
{
    public static readonly DateTimeOffset Epoch = new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string TraceId(int n) => n.ToString("x32");

    public static SpanRecord Span(
        string traceId,
        string name,
        string? parentSpanId = null,
        int startMs = 0,
        int durationMs = 10,
        string service = "svc",
        ActivityStatusCode status = ActivityStatusCode.Unset) => new()
    {
        TraceId = traceId,
        SpanId = Guid.NewGuid().ToString("N")[..16],
        ParentSpanId = parentSpanId,
        Name = name,
        StartTime = Epoch.AddMilliseconds(startMs),
        EndTime = Epoch.AddMilliseconds(startMs + durationMs),
        ServiceName = service,
        StatusCode = status,
    };

    public static LogEntry Log(string body) => new() { Body = body, Timestamp = Epoch };
}
