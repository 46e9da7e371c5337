namespace SecureRag.Hosting.Otlp;

/// <summary>The spans and log records added to the store by one call (one OTLP export).</summary>
/// <param name="Spans">The spans added.</param>
/// <param name="Logs">The log records added.</param>
public sealed record TelemetryBatch(IReadOnlyList<SpanRecord> Spans, IReadOnlyList<LogEntry> Logs);
