namespace SecureRag.Hosting.Otlp;

/// <summary>The store's index entry for one trace: its spans in arrival order and its place in the recency list.</summary>
internal sealed class TraceEntry
{
    public TraceEntry(string traceId)
    {
        TraceId = traceId;
        RecencyNode = new LinkedListNode<TraceEntry>(this);
    }

    public string TraceId { get; }

    public Queue<SpanRecord> Spans { get; } = new();

    public LinkedListNode<TraceEntry> RecencyNode { get; }

    // Computed on demand rather than maintained on every add/evict: eviction stays O(1), and the dashboard
    // only summarizes the page of traces it shows.
    public TraceSummary Summarize()
    {
        SpanRecord? root = null;
        SpanRecord? earliest = null;
        var end = DateTimeOffset.MinValue;
        var services = new List<string>();
        var hasErrors = false;

        foreach (var span in Spans)
        {
            if (span.ParentSpanId is null)
            {
                root ??= span;
            }

            if (earliest is null || span.StartTime < earliest.StartTime)
            {
                earliest = span;
            }

            if (span.EndTime > end)
            {
                end = span.EndTime;
            }

            if (!services.Contains(span.ServiceName))
            {
                services.Add(span.ServiceName);
            }

            hasErrors |= span.StatusCode == System.Diagnostics.ActivityStatusCode.Error;
        }

        var start = earliest!.StartTime;
        return new TraceSummary(
            TraceId,
            (root ?? earliest).Name,
            start,
            end > start ? end - start : TimeSpan.Zero,
            services,
            Spans.Count,
            hasErrors);
    }
}
