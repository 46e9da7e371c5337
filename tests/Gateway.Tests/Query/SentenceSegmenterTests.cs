using SecureRag.Gateway.Query;

namespace SecureRag.Gateway.Tests.Query;

public sealed class SentenceSegmenterTests
{
    [Fact]
    public void ValuesSplitAcrossDeltasAreReleasedWholeInOneSegment()
    {
        var segmenter = new SentenceSegmenter(minChars: 10, maxChars: 600);
        const string answer = "Payroll questions go to payroll.lead@example.com any weekday. The card is 4111 1111 1111 1111 for fees. Done";
        var segments = new List<string>();
        for (var i = 0; i < answer.Length; i += 7)
        {
            segments.AddRange(segmenter.Push(answer.Substring(i, Math.Min(7, answer.Length - i))));
        }

        segments.Add(segmenter.Flush());

        Assert.Equal(answer, string.Concat(segments));
        Assert.Contains(segments, s => s.Contains("payroll.lead@example.com", StringComparison.Ordinal));
        Assert.Contains(segments, s => s.Contains("4111 1111 1111 1111", StringComparison.Ordinal));
        Assert.Equal("Payroll questions go to payroll.lead@example.com any weekday. ", segments[0]);
    }

    [Fact]
    public void ShortSentencesAreJoinedUntilTheMinimumLength()
    {
        var segmenter = new SentenceSegmenter(minChars: 20, maxChars: 600);

        var segments = segmenter.Push("Yes. No. Maybe so, in the end. Next");

        Assert.Equal(["Yes. No. Maybe so, in the end. "], segments);
        Assert.Equal("Next", segmenter.Flush());
    }

    [Fact]
    public void TextWithoutSentenceEndsIsCutAtASpaceBeforeTheMaximum()
    {
        var segmenter = new SentenceSegmenter(minChars: 5, maxChars: 20);

        var segments = segmenter.Push("alpha beta gamma delta epsilon zeta eta theta");

        Assert.All(segments, s => Assert.True(s.Length <= 20));
        Assert.All(segments, s => Assert.EndsWith(" ", s, StringComparison.Ordinal));
        Assert.Equal("alpha beta gamma delta epsilon zeta eta theta", string.Concat(segments) + segmenter.Flush());
    }

    [Fact]
    public void JapaneseSentencesEndAtTheirOwnTerminator()
    {
        var segmenter = new SentenceSegmenter(minChars: 2, maxChars: 600);

        var segments = segmenter.Push("経費は十四日以内に精算されます。領収書が必要です。");

        Assert.Equal(["経費は十四日以内に精算されます。", "領収書が必要です。"], segments);
    }
}
