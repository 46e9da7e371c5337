using SecureRag.Hosting.Otlp.Proto.Collector.Logs.V1;
using SecureRag.Hosting.Otlp.Proto.Logs.V1;

namespace SecureRag.Hosting.Otlp;

/// <summary>Flattens an OTLP logs export into <see cref="LogEntry"/> records.</summary>
internal static class OtlpLogConverter
{
    /// <summary>Converts every record; <paramref name="receivedAt"/> stands in when a record carries no time at all.</summary>
    public static List<LogEntry> Convert(ExportLogsServiceRequest request, DateTimeOffset receivedAt)
    {
        var logs = new List<LogEntry>();
        foreach (var resourceLogs in request.ResourceLogs)
        {
            var resource = OtlpResourceInfo.From(resourceLogs.Resource);
            foreach (var scopeLogs in resourceLogs.ScopeLogs)
            {
                var scopeName = string.IsNullOrEmpty(scopeLogs.Scope?.Name) ? null : scopeLogs.Scope.Name;
                logs.AddRange(scopeLogs.LogRecords.Select(record => ToEntry(record, resource, scopeName, receivedAt)));
            }
        }

        return logs;
    }

    private static LogEntry ToEntry(LogRecord record, OtlpResourceInfo resource, string? scopeName, DateTimeOffset receivedAt) => new()
    {
        Timestamp = Timestamp(record, receivedAt),
        ServiceName = resource.ServiceName,
        ServiceInstanceId = resource.ServiceInstanceId,
        SeverityText = string.IsNullOrEmpty(record.SeverityText) ? null : record.SeverityText,
        SeverityNumber = (int)record.SeverityNumber,
        Body = OtlpValueFormatter.Format(record.Body),
        Attributes = OtlpValueFormatter.ToDictionary(record.Attributes),
        TraceId = OtlpIds.ToHex(record.TraceId, OtlpIds.TraceIdLength),
        SpanId = OtlpIds.ToHex(record.SpanId, OtlpIds.SpanIdLength),
        ScopeName = scopeName,
        EventName = string.IsNullOrEmpty(record.EventName) ? null : record.EventName,
    };

    // time_unix_nano is optional (0 = unknown); the observed time is what the log data model falls back to.
    private static DateTimeOffset Timestamp(LogRecord record, DateTimeOffset receivedAt) =>
        record.TimeUnixNano != 0 ? OtlpTime.FromUnixNanoseconds(record.TimeUnixNano)
        : record.ObservedTimeUnixNano != 0 ? OtlpTime.FromUnixNanoseconds(record.ObservedTimeUnixNano)
        : receivedAt;
}
