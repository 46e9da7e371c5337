using SecureRag.Hosting.Otlp;
using static SecureRag.Hosting.Tests.Otlp.TelemetryStoreTestData;

namespace SecureRag.Hosting.Tests.Otlp;

/// <summary>Waiting for telemetry and streaming it as it arrives.</summary>
public sealed class TelemetryStoreNotificationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task WaitForSpansReturnsWhenAMatchingSpanArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new TelemetryStore();
        store.AddSpans([Span(TraceId(1), "early")]);

        var wait = store.WaitForSpansAsync(spans => spans.Any(s => s.Name == "late"), Timeout, ct);
        store.AddSpans([Span(TraceId(2), "unrelated")]);
        await Task.Delay(50, ct);
        Assert.False(wait.IsCompleted, "the wait must not complete before a matching span arrives");

        store.AddSpans([Span(TraceId(3), "late")]);

        var spans = await wait;
        Assert.Equal(["early", "unrelated", "late"], spans.Select(s => s.Name));
    }

    [Fact]
    public async Task WaitForSpansReturnsAtOnceWhenTheSpanIsAlreadyThere()
    {
        var store = new TelemetryStore();
        store.AddSpans([Span(TraceId(1), "present")]);

        var spans = await store.WaitForSpansAsync(
            all => all.Any(s => s.Name == "present"), TimeSpan.FromMilliseconds(1), TestContext.Current.CancellationToken);

        Assert.Single(spans);
    }

    [Fact]
    public async Task WaitForSpansTimesOutWithAMessageNamingTheLatestSpans()
    {
        var store = new TelemetryStore();
        store.AddSpans([Span(TraceId(7), "GET /health", service: "gateway")]);

        var error = await Assert.ThrowsAsync<TimeoutException>(() =>
            store.WaitForSpansAsync(
                spans => spans.Any(s => s.Name == "never"), TimeSpan.FromMilliseconds(200), TestContext.Current.CancellationToken));

        Assert.Contains("holds 1 spans", error.Message);
        Assert.Contains("gateway: 'GET /health'", error.Message);
        Assert.Contains(TraceId(7), error.Message);
    }

    [Fact]
    public async Task CancellingAWaitIsNotReportedAsATimeout()
    {
        var store = new TelemetryStore();
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            store.WaitForSpansAsync(_ => false, Timeout, cts.Token));
    }

    [Fact]
    public async Task WaitForLogsReturnsWhenAMatchingLogArrives()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new TelemetryStore();

        var wait = store.WaitForLogsAsync(logs => logs.Any(l => l.Body == "ready"), Timeout, ct);
        store.AddLogs([Log("starting"), Log("ready")]);

        Assert.Equal(["starting", "ready"], (await wait).Select(l => l.Body));
    }

    [Fact]
    public async Task SubscribersReceiveEachBatchAddedAfterTheyStart()
    {
        var ct = TestContext.Current.CancellationToken;
        var store = new TelemetryStore();
        store.AddSpans([Span(TraceId(1), "before subscribing")]);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(Timeout);

        await using var batches = store.SubscribeAsync(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = batches.MoveNextAsync();
        store.AddSpans([Span(TraceId(2), "first")]);
        store.AddLogs([Log("second")]);

        Assert.True(await first);
        Assert.Equal("first", Assert.Single(batches.Current.Spans).Name);
        Assert.True(await batches.MoveNextAsync());
        Assert.Equal("second", Assert.Single(batches.Current.Logs).Body);
    }
}
