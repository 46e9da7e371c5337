using System.Diagnostics;
using SecureRag.Hosting.Otlp;
using static SecureRag.Hosting.Tests.Otlp.TelemetryStoreTestData;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>The store is bounded, drops the oldest first, and keeps its trace index consistent while doing so.</summary>
public sealed class TelemetryStoreCapacityTests
{
    [Fact]
    public void OldestSpansAreDroppedBeyondCapacityAndTraceLookupsStayCorrect()
    {
        var store = new TelemetryStore(new TelemetryStoreOptions { MaxSpans = 10 });
        var (a, b, c, d) = (TraceId(0xa), TraceId(0xb), TraceId(0xc), TraceId(0xd));

        // Interleaved, so a trace's oldest span is not always the globally oldest one's neighbour.
        store.AddSpans([Span(a, "a0"), Span(b, "b0"), Span(a, "a1"), Span(c, "c0"), Span(a, "a2")]);
        store.AddSpans([Span(b, "b1"), Span(c, "c1"), Span(a, "a3"), Span(b, "b2"), Span(c, "c2"), Span(c, "c3"), Span(b, "b3")]);

        Assert.Equal(10, store.GetSpans().Count);
        Assert.Equal(["a1", "c0", "a2", "b1", "c1", "a3", "b2", "c2", "c3", "b3"], store.GetSpans().Select(s => s.Name));
        Assert.Equal(["a1", "a2", "a3"], Names(store, a));
        Assert.Equal(["b1", "b2", "b3"], Names(store, b));
        Assert.Equal(["c0", "c1", "c2", "c3"], Names(store, c));

        store.AddSpans(Enumerable.Range(0, 7).Select(i => Span(d, $"d{i}")));

        Assert.Empty(store.GetSpans(a));
        Assert.Equal(["b3"], Names(store, b));
        Assert.Equal(["c2", "c3"], Names(store, c));
        Assert.Equal(7, store.GetSpans(d).Count);
        Assert.Equal([(d, 7), (b, 1), (c, 2)], store.GetTraces().Select(t => (t.TraceId, t.SpanCount)));
    }

    [Fact]
    public void OldestLogsAreDroppedBeyondCapacity()
    {
        var store = new TelemetryStore(new TelemetryStoreOptions { MaxLogs = 3 });

        store.AddLogs([Log("one"), Log("two")]);
        store.AddLogs([Log("three"), Log("four"), Log("five")]);

        Assert.Equal(["three", "four", "five"], store.GetLogs().Select(log => log.Body));
    }

    [Fact]
    public void TracesAreListedMostRecentlyActiveFirstAndSummarized()
    {
        var store = new TelemetryStore();
        var (first, second) = (TraceId(1), TraceId(2));

        store.AddSpans([Span(first, "db query", parentSpanId: "00000000000000aa", startMs: 20, durationMs: 30, service: "retrieval")]);
        store.AddSpans([Span(second, "GET /health", durationMs: 1)]);
        store.AddSpans([
            Span(first, "POST /ask", startMs: 0, durationMs: 100, service: "gateway"),
            Span(first, "rerank", parentSpanId: "00000000000000bb", startMs: 60, durationMs: 80, service: "retrieval",
                status: ActivityStatusCode.Error),
        ]);

        var traces = store.GetTraces();
        Assert.Equal([first, second], traces.Select(t => t.TraceId));
        var summary = traces[0];
        Assert.Equal(("POST /ask", Epoch, TimeSpan.FromMilliseconds(140), 3, true),
            (summary.RootSpanName, summary.StartTime, summary.Duration, summary.SpanCount, summary.HasErrors));
        Assert.Equal(["retrieval", "gateway"], summary.Services);
        Assert.False(traces[1].HasErrors);
        Assert.Single(store.GetTraces(max: 1));
        Assert.Equal(["POST /ask", "db query", "rerank"], Names(store, first.ToUpperInvariant()));
    }

    [Fact]
    public void TraceLookupsDoNotSlowDownWithAHundredThousandSpansHeld()
    {
        const int SmallTraces = 250, LargeTraces = 30_000;
        var small = Filled(SmallTraces);
        var large = Filled(LargeTraces);

        // 120,000 spans arrived in the large store: the oldest 5,000 traces are gone and it holds exactly its default bound.
        Assert.Equal(100_000, large.GetSpans().Count);
        Assert.Empty(large.GetSpans(TraceId(4_999)));
        Assert.Equal(SpansPerTrace, large.GetSpans(TraceId(5_000)).Count);
        Assert.Equal(TraceId(LargeTraces - 1), large.GetTraces(1)[0].TraceId);

        // Best-of-rounds timings, alternating between the stores, compare cost rather than wall-clock time, so the
        // load of a shared machine and GC pauses cancel out. A scan per lookup would make the large store ~100x slower.
        var (smallBest, largeBest) = (TimeSpan.MaxValue, TimeSpan.MaxValue);
        var spent = Stopwatch.StartNew();
        for (var round = 0; round < 30 && spent.Elapsed < TimeSpan.FromSeconds(20); round++)
        {
            smallBest = TimeSpan.FromTicks(Math.Min(smallBest.Ticks, TimeLookups(small, SmallTraces).Ticks));
            largeBest = TimeSpan.FromTicks(Math.Min(largeBest.Ticks, TimeLookups(large, LargeTraces).Ticks));
            if (largeBest < smallBest * 10)
            {
                break;
            }
        }

        Assert.True(largeBest < smallBest * 10, $"Lookups took {largeBest} with 100,000 spans held and {smallBest} with 1,000.");
    }

    private const int SpansPerTrace = 4;

    private static TelemetryStore Filled(int traces)
    {
        var store = new TelemetryStore();
        for (var batch = 0; batch < traces; batch += 250)
        {
            store.AddSpans(Enumerable.Range(batch, Math.Min(250, traces - batch))
                .SelectMany(t => Enumerable.Range(0, SpansPerTrace).Select(s => Span(TraceId(t), $"op{s}", startMs: s))));
        }

        return store;
    }

    private static TimeSpan TimeLookups(TelemetryStore store, int traces)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(SpansPerTrace, store.GetSpans(TraceId(traces - 1 - i)).Count);
        }

        Assert.Equal(100, store.GetTraces(100).Count);
        return stopwatch.Elapsed;
    }

    private static string[] Names(TelemetryStore store, string traceId) => [.. store.GetSpans(traceId).Select(s => s.Name)];
}
