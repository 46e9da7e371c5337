using SecureRag.Hosting.Otlp;

namespace SecureRag.Dashboard.Tests.Units;

/// <summary>What the pages ask of the bounded store: the newest matches first, without copying it.</summary>
public sealed class TelemetryStoreQueryTests
{
    [Fact]
    public void FindLogsReturnsTheNewestMatchesFirstAndCountsAllOfThemAfterTheOldestWereDropped()
    {
        var store = new TelemetryStore(new TelemetryStoreOptions { MaxLogs = 3_000 });
        for (var batch = 0; batch < 10; batch++)
        {
            store.AddLogs(Enumerable.Range(batch * 1_000, 1_000).Select(i => new LogEntry { Body = $"line {i}", ServiceName = i % 2 == 0 ? "even" : "odd" }));
        }

        var found = store.FindLogs(log => log.ServiceName == "even", 5, out var total);

        Assert.Equal(3_000, store.LogCount);
        Assert.Equal(1_500, total);
        Assert.Equal(["line 9998", "line 9996", "line 9994", "line 9992", "line 9990"], found.Select(l => l.Body));
        Assert.Equal("line 7000", store.GetLogs()[0].Body);
        Assert.Equal(["even", "odd"], store.GetServiceNames());
    }

    [Fact]
    public void ATracesLogRecordsAreFoundByItsIdAndLeaveTheIndexWhenTheyAreDropped()
    {
        var store = new TelemetryStore(new TelemetryStoreOptions { MaxLogs = 4 });
        const string A = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", B = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
        store.AddLogs([Log("a1", A), Log("b1", B), Log("none", null), Log("a2", A)]);
        Assert.Equal(["a1", "a2"], store.GetLogs(A).Select(l => l.Body));
        Assert.Equal(["a1", "a2"], store.GetLogs(A.ToUpperInvariant()).Select(l => l.Body));

        store.AddLogs([Log("a3", A), Log("x", null)]); // drops a1 and b1

        Assert.Equal(["a2", "a3"], store.GetLogs(A).Select(l => l.Body));
        Assert.Empty(store.GetLogs(B));
        Assert.Equal(["none", "a2", "a3", "x"], store.GetLogs().Select(l => l.Body));
    }

    [Fact]
    public void AFilteredTraceListStopsAtTheLimitAndKeepsRecencyOrder()
    {
        var store = new TelemetryStore();
        for (var i = 0; i < 50; i++)
        {
            store.AddSpans([new SpanRecord
            {
                TraceId = i.ToString("x32", System.Globalization.CultureInfo.InvariantCulture),
                SpanId = "00000000000000aa",
                Name = i % 5 == 0 ? "slow query" : "health",
                StartTime = DateTimeOffset.UnixEpoch,
                EndTime = DateTimeOffset.UnixEpoch.AddMilliseconds(i),
                ServiceName = "gateway",
            }]);
        }

        var traces = store.GetTraces(3, t => t.RootSpanName.Contains("query", StringComparison.Ordinal));

        Assert.Equal([45, 40, 35], traces.Select(t => (int)t.Duration.TotalMilliseconds));
    }

    private static LogEntry Log(string body, string? traceId) => new() { Body = body, TraceId = traceId, ServiceName = "gateway" };
}
