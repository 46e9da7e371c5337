namespace SecureRag.Hosting.Otlp;

/// <summary>
/// The AppHost's in-memory telemetry: the most recent spans and log records received over OTLP, indexed by trace id.
/// Thread-safe and bounded: beyond <see cref="TelemetryStoreOptions.MaxSpans"/> spans or
/// <see cref="TelemetryStoreOptions.MaxLogs"/> log records the oldest are dropped.
/// </summary>
public sealed class TelemetryStore
{
    private readonly Lock _gate = new();
    private readonly int _maxSpans;
    private readonly int _maxLogs;
    private readonly Queue<SpanRecord> _spans = new();
    private readonly RingBuffer<LogEntry> _logs;
    private readonly Dictionary<string, Queue<LogEntry>> _logsByTrace = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _serviceNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TraceEntry> _traces = new(StringComparer.OrdinalIgnoreCase);
    private readonly LinkedList<TraceEntry> _tracesByRecency = new();
    private readonly TelemetryNotifier _notifier = new();
    private long _metricDataPoints;

    /// <summary>Creates a store with the given bounds (defaults: 100,000 spans, 50,000 log records).</summary>
    public TelemetryStore(TelemetryStoreOptions? options = null)
    {
        options ??= new TelemetryStoreOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxSpans, 1, nameof(options.MaxSpans));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLogs, 1, nameof(options.MaxLogs));
        _maxSpans = options.MaxSpans;
        _maxLogs = options.MaxLogs;
        _logs = new RingBuffer<LogEntry>(_maxLogs);
    }

    /// <summary>How many metric data points have been received; metrics are counted, not kept.</summary>
    public long MetricDataPointCount => Interlocked.Read(ref _metricDataPoints);

    /// <summary>Adds spans, dropping the oldest beyond capacity, and notifies waiters and subscribers.</summary>
    public void AddSpans(IEnumerable<SpanRecord> spans) => Add([.. spans], []);

    /// <summary>Adds log records, dropping the oldest beyond capacity, and notifies waiters and subscribers.</summary>
    public void AddLogs(IEnumerable<LogEntry> logs) => Add([], [.. logs]);

    /// <summary>
    /// All spans held, oldest first; or, given a trace id (hex, any case), that trace's spans ordered by start time.
    /// </summary>
    public IReadOnlyList<SpanRecord> GetSpans(string? traceId = null)
    {
        SpanRecord[] spans;
        lock (_gate)
        {
            if (traceId is null)
            {
                return [.. _spans];
            }

            if (!_traces.TryGetValue(traceId, out var trace))
            {
                return [];
            }

            spans = [.. trace.Spans];
        }

        return [.. spans.OrderBy(span => span.StartTime)];
    }

    /// <summary>Whether the store holds at least one span of the trace (hex, any case).</summary>
    public bool ContainsTrace(string traceId)
    {
        lock (_gate)
        {
            return _traces.ContainsKey(traceId);
        }
    }

    /// <summary>All log records held, oldest first.</summary>
    public IReadOnlyList<LogEntry> GetLogs()
    {
        lock (_gate)
        {
            return _logs.ToArray();
        }
    }

    /// <summary>
    /// Up to <paramref name="max"/> traces, the one that most recently received a span first; given a
    /// <paramref name="filter"/>, only those it accepts (summarized one at a time, until <paramref name="max"/> are found;
    /// it runs under the store's lock, like <see cref="FindLogs"/>'s predicate).
    /// </summary>
    public IReadOnlyList<TraceSummary> GetTraces(int max = 100, Func<TraceSummary, bool>? filter = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        lock (_gate)
        {
            var summaries = _tracesByRecency.Select(trace => trace.Summarize());
            return [.. (filter is null ? summaries : summaries.Where(filter)).Take(max)];
        }
    }

    /// <summary>
    /// The newest log records <paramref name="predicate"/> accepts, newest first, at most <paramref name="max"/>, and in
    /// <paramref name="total"/> how many it accepts in all; without copying the store. The predicate runs under the
    /// store's lock: keep it cheap, and do not call the store from it.
    /// </summary>
    public IReadOnlyList<LogEntry> FindLogs(Func<LogEntry, bool> predicate, int max, out int total)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var found = new List<LogEntry>(Math.Min(max, 1_024));
        total = 0;
        lock (_gate)
        {
            for (var i = _logs.Count - 1; i >= 0; i--)
            {
                var log = _logs[i];
                if (predicate(log))
                {
                    total++;
                    if (found.Count < max)
                    {
                        found.Add(log);
                    }
                }
            }
        }

        return found;
    }

    /// <summary>The log records written inside a trace (hex, any case), oldest first.</summary>
    public IReadOnlyList<LogEntry> GetLogs(string traceId)
    {
        lock (_gate)
        {
            return _logsByTrace.TryGetValue(traceId, out var logs) ? [.. logs] : [];
        }
    }

    /// <summary>How many log records are held.</summary>
    public int LogCount
    {
        get
        {
            lock (_gate)
            {
                return _logs.Count;
            }
        }
    }

    /// <summary>Every <c>service.name</c> that sent a span or a log record, in order.</summary>
    public IReadOnlyList<string> GetServiceNames()
    {
        lock (_gate)
        {
            return [.. _serviceNames.Order(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Completes with the spans held once <paramref name="predicate"/> holds for them, re-evaluating it after every
    /// added batch; throws <see cref="TimeoutException"/> (naming the latest spans) when it does not within
    /// <paramref name="timeout"/>.
    /// </summary>
    public Task<IReadOnlyList<SpanRecord>> WaitForSpansAsync(
        Func<IReadOnlyList<SpanRecord>, bool> predicate, TimeSpan timeout, CancellationToken ct = default) =>
        _notifier.WaitAsync(
            () => GetSpans(), predicate, timeout, "spans", span => $"{span.ServiceName}: '{span.Name}' in trace {span.TraceId}", ct);

    /// <summary>
    /// Completes with the log records held once <paramref name="predicate"/> holds for them, re-evaluating it after
    /// every added batch; throws <see cref="TimeoutException"/> when it does not within <paramref name="timeout"/>.
    /// </summary>
    public Task<IReadOnlyList<LogEntry>> WaitForLogsAsync(
        Func<IReadOnlyList<LogEntry>, bool> predicate, TimeSpan timeout, CancellationToken ct = default) =>
        _notifier.WaitAsync(GetLogs, predicate, timeout, "log records", log => $"{log.ServiceName}: '{log.Body}'", ct);

    /// <summary>
    /// Streams every batch added after enumeration starts, until <paramref name="ct"/> is cancelled. A subscriber
    /// that falls more than 1,024 batches behind loses the oldest ones rather than slowing the receiver down.
    /// </summary>
    public IAsyncEnumerable<TelemetryBatch> SubscribeAsync(CancellationToken ct = default) =>
        _notifier.SubscribeAsync(ct);

    internal void CountMetricDataPoints(long count) => Interlocked.Add(ref _metricDataPoints, count);

    private void Add(SpanRecord[] spans, LogEntry[] logs)
    {
        if (spans.Length == 0 && logs.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var span in spans)
            {
                AddSpan(span);
            }

            foreach (var log in logs)
            {
                AddLog(log);
            }
        }

        _notifier.Publish(new TelemetryBatch(spans, logs));
    }

    private void AddLog(LogEntry log)
    {
        _serviceNames.Add(log.ServiceName);
        if (log.TraceId is { } traceId)
        {
            if (!_logsByTrace.TryGetValue(traceId, out var traceLogs))
            {
                _logsByTrace[traceId] = traceLogs = new Queue<LogEntry>();
            }

            traceLogs.Enqueue(log);
        }

        // As with spans, the oldest record overall is also the oldest of its trace: both dequeues are O(1).
        if (_logs.Add(log, out var dropped) && dropped!.TraceId is { } droppedTrace)
        {
            var traceLogs = _logsByTrace[droppedTrace];
            traceLogs.Dequeue();
            if (traceLogs.Count == 0)
            {
                _logsByTrace.Remove(droppedTrace);
            }
        }
    }

    private void AddSpan(SpanRecord span)
    {
        _spans.Enqueue(span);
        _serviceNames.Add(span.ServiceName);
        if (_traces.TryGetValue(span.TraceId, out var trace))
        {
            _tracesByRecency.Remove(trace.RecencyNode);
        }
        else
        {
            trace = new TraceEntry(span.TraceId);
            _traces.Add(span.TraceId, trace);
        }

        trace.Spans.Enqueue(span);
        _tracesByRecency.AddFirst(trace.RecencyNode);

        if (_spans.Count > _maxSpans)
        {
            Evict(_spans.Dequeue());
        }
    }

    private void Evict(SpanRecord oldest)
    {
        // Spans enter the global queue and their trace's queue in the same order, so the globally oldest span
        // is also the oldest of its trace: both dequeues are O(1).
        var trace = _traces[oldest.TraceId];
        trace.Spans.Dequeue();
        if (trace.Spans.Count == 0)
        {
            _traces.Remove(oldest.TraceId);
            _tracesByRecency.Remove(trace.RecencyNode);
        }
    }
}
