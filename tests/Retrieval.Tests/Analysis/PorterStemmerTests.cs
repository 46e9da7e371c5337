using SecureRag.Retrieval.Domain.Analysis;

namespace SecureRag.Retrieval.Tests.Analysis;

public sealed class PorterStemmerTests
{
    // Examples from Porter's paper and the reference implementation's test vocabulary.
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "ti")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("sing", "sing")]
    [InlineData("conflated", "conflat")]
    [InlineData("troubled", "troubl")]
    [InlineData("sized", "size")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("generalization", "gener")]
    [InlineData("oscillators", "oscil")]
    [InlineData("hopefulness", "hope")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    [InlineData("controlling", "control")]
    [InlineData("rolling", "roll")]
    [InlineData("aerodynamics", "aerodynam")]
    [InlineData("boundary", "boundari")]
    [InlineData("is", "is")]
    public void StemsLikeTheReferenceImplementation(string word, string stem) =>
        Assert.Equal(stem, PorterStemmer.Stem(word));
}
