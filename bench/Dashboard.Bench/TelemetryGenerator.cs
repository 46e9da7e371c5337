using System.Diagnostics;
using System.Security.Cryptography;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Dashboard.Bench;

/// <summary>
/// Query-shaped traces (a Gateway root and children in Guardrail, Retrieval and Inference, with the attributes the
/// instrumentation sets) and log records inside them, added in export-sized batches as the OTLP receiver adds them.
/// </summary>
internal static class TelemetryGenerator
{
    private const int BatchSize = 512;
    private static readonly string[] Services = ["gateway", "guardrail", "retrieval", "inference", "auth"];
    private static readonly string[] Operations = ["POST /v1/apps/{app}/query", "GET /v1/me", "POST /v1/knowledge-bases/{id}/documents", "POST /v1/tenants"];

    public static (int Spans, int Logs) Fill(TelemetryStore store, BenchOptions options)
    {
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var spanBatch = new List<SpanRecord>(BatchSize);
        var logBatch = new List<LogEntry>(BatchSize);
        var logsPerSpan = (double)options.Logs / options.Spans;
        var logsDue = 0.0;
        var logs = 0;
        for (var sent = 0; sent < options.Spans;)
        {
            var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            var traceStart = start.AddMilliseconds(sent / 10.0);
            var rootId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
            var operation = Operations[sent % Operations.Length];
            for (var i = 0; i < options.SpansPerTrace && sent < options.Spans; i++, sent++)
            {
                var service = i == 0 ? "gateway" : Services[i % Services.Length];
                var spanStart = traceStart.AddMilliseconds(i * 2);
                var span = new SpanRecord
                {
                    TraceId = traceId,
                    SpanId = i == 0 ? rootId : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)),
                    ParentSpanId = i == 0 ? null : rootId,
                    Name = i == 0 ? operation : $"securerag.{service}.v1/Step{i}",
                    Kind = i == 0 ? ActivityKind.Server : ActivityKind.Client,
                    StartTime = spanStart,
                    EndTime = spanStart.AddMilliseconds(i == 0 ? 40 : 3),
                    ServiceName = service,
                    ServiceInstanceId = service + "-0",
                    StatusCode = sent % 97 == 0 ? ActivityStatusCode.Error : ActivityStatusCode.Unset,
                    Attributes = new Dictionary<string, string>
                    {
                        ["http.request.method"] = "POST",
                        ["http.route"] = operation,
                        ["url.path"] = "/v1/apps/3f0c/query",
                        ["server.address"] = "127.0.0.1",
                        ["server.port"] = "5000",
                        ["rpc.system"] = "grpc",
                        ["rpc.service"] = $"securerag.{service}.v1",
                        ["securerag.tenant"] = "01a204c3-3bf5-70d7-ae6c-a41759948907",
                    },
                    ScopeName = "Microsoft.AspNetCore",
                };
                spanBatch.Add(span);
                for (logsDue += logsPerSpan; logsDue >= 1 && logs < options.Logs; logsDue--, logs++)
                {
                    logBatch.Add(new LogEntry
                    {
                        Timestamp = spanStart,
                        ServiceName = service,
                        ServiceInstanceId = service + "-0",
                        SeverityNumber = logs % 50 == 0 ? 17 : 9,
                        SeverityText = logs % 50 == 0 ? "Error" : "Information",
                        Body = logs % 50 == 0 ? "Downstream call timed out" : $"Request finished HTTP/1.1 POST {operation} - 200",
                        Attributes = new Dictionary<string, string> { ["ElapsedMilliseconds"] = "3.2", ["StatusCode"] = "200" },
                        TraceId = traceId,
                        SpanId = span.SpanId,
                        ScopeName = "Microsoft.AspNetCore.Hosting.Diagnostics",
                    });
                }

                if (spanBatch.Count == BatchSize)
                {
                    store.AddSpans(spanBatch);
                    store.AddLogs(logBatch);
                    spanBatch.Clear();
                    logBatch.Clear();
                }
            }
        }

        store.AddSpans(spanBatch);
        store.AddLogs(logBatch);
        return (options.Spans, logs);
    }
}
