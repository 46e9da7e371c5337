namespace SecureRag.Hosting.Otlp;

/// <summary>One trace as a dashboard lists it.</summary>
/// <param name="TraceId">The trace id in lowercase hex.</param>
/// <param name="RootSpanName">The root span's name, or the earliest span's name while the root has not arrived.</param>
/// <param name="StartTime">The earliest span start.</param>
/// <param name="Duration">From the earliest start to the latest end.</param>
/// <param name="Services">The distinct service names that contributed spans, in order of first appearance.</param>
/// <param name="SpanCount">How many of the trace's spans the store holds.</param>
/// <param name="HasErrors">Whether any span has an error status.</param>
public sealed record TraceSummary(
    string TraceId,
    string RootSpanName,
    DateTimeOffset StartTime,
    TimeSpan Duration,
    IReadOnlyList<string> Services,
    int SpanCount,
    bool HasErrors);
