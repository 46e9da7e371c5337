using SecureRag.Retrieval.Domain.Analysis;

namespace SecureRag.Retrieval.Tests.Analysis;

public sealed class TextAnalyzerTests
{
    [Fact]
    public void EnglishIsLowerCasedStemmedAndStripsStopWords()
    {
        var analysed = TextAnalyzer.Analyze("The Flow of heated gases, and the flows IN nozzles.");

        Assert.Equal(TextScript.Latin, analysed.Script);
        Assert.Equal(2, analysed.TermFrequencies["flow"]);
        Assert.Contains("heat", analysed.TermFrequencies.Keys);
        Assert.Contains("nozzl", analysed.TermFrequencies.Keys);
        Assert.DoesNotContain("the", analysed.TermFrequencies.Keys);
        Assert.DoesNotContain("in", analysed.TermFrequencies.Keys);
        Assert.Equal(5, analysed.Length);
    }

    [Fact]
    public void JapaneseBecomesCharacterBigrams()
    {
        var analysed = TextAnalyzer.Analyze("東京は日本の首都です");

        Assert.Equal(TextScript.Cjk, analysed.Script);
        Assert.Contains("東京", analysed.TermFrequencies.Keys);
        Assert.Contains("日本", analysed.TermFrequencies.Keys);
        Assert.Contains("首都", analysed.TermFrequencies.Keys);
        Assert.Equal(9, analysed.Length);
    }

    [Fact]
    public void AMixedChunkIsSearchableInBothScripts()
    {
        var analysed = TextAnalyzer.Analyze("SecureRagの設定 guide");

        Assert.Contains("securerag", analysed.TermFrequencies.Keys);
        Assert.Contains("guid", analysed.TermFrequencies.Keys);
        Assert.Contains("設定", analysed.TermFrequencies.Keys);
    }

    [Theory]
    [InlineData("")]
    [InlineData("the of and to")]
    [InlineData("  ,;!? ")]
    public void StopWordsAndPunctuationLeaveNothing(string text) => Assert.True(TextAnalyzer.Analyze(text).IsEmpty);
}
