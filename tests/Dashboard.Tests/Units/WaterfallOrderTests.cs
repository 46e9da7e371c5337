using SecureRag.Hosting.Dashboard.Pages;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Dashboard.Tests.Units;

public sealed class WaterfallOrderTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void EachSpanFollowsItsParentAndSiblingsGoByStartTime()
    {
        SpanRecord[] spans = [Span("c2", "root", 30), Span("root", null, 0), Span("c1", "root", 10), Span("g1", "c1", 12)];

        var ordered = TracePage.Order(spans);

        Assert.Equal(["root", "c1", "g1", "c2"], ordered.Select(o => o.Span.SpanId));
        Assert.Equal([0, 1, 2, 1], ordered.Select(o => o.Depth));
    }

    [Fact]
    public void ASpanWhoseParentIsNotHeldIsARootAndACycleIsListedOnce()
    {
        SpanRecord[] spans = [Span("orphan", "gone", 5), Span("a", "b", 1), Span("b", "a", 2), Span("self", "self", 3)];

        var ordered = TracePage.Order(spans);

        Assert.Equal(4, ordered.Count);
        Assert.Equal("orphan", ordered[0].Span.SpanId);
        Assert.Equal(spans.Select(s => s.SpanId).Order(), ordered.Select(o => o.Span.SpanId).Order());
    }

    private static SpanRecord Span(string id, string? parent, int startMs) => new()
    {
        TraceId = "0123456789abcdef0123456789abcdef",
        SpanId = id,
        ParentSpanId = parent,
        Name = id,
        StartTime = T0.AddMilliseconds(startMs),
        EndTime = T0.AddMilliseconds(startMs + 1),
    };
}
