using SecureRag.Inference.Domain;

namespace SecureRag.Inference.Tests;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("One. Two! Three? Four", new[] { "One.", "Two!", "Three?", "Four" })]
    [InlineData("Costs rose 3.5 percent, e.g. in travel. Next year too.", new[] { "Costs rose 3.5 percent, e.g. in travel.", "Next year too." })]
    [InlineData("Ask J. Smith first. Then file it.", new[] { "Ask J. Smith first.", "Then file it." })]
    [InlineData("He said \"stop.\" Then left.", new[] { "He said \"stop.\"", "Then left." })]
    [InlineData("- first item\n- second item", new[] { "- first item", "- second item" })]
    [InlineData("東京は日本の首都です。人口は多い。", new[] { "東京は日本の首都です。", "人口は多い。" })]
    public void SplitsIntoVerbatimSentences(string text, string[] expected)
    {
        var sentences = SentenceSplitter.Split(text).Select(s => s.Text).ToArray();

        Assert.Equal(expected, sentences);
        Assert.All(sentences, s => Assert.Contains(s, text));
    }
}
