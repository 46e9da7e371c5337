using Grpc.Core;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Domain;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed class HashedEmbedderTests
{
    private static readonly HashedEmbedder Embedder = new(384);

    private static double Cosine(float[] a, float[] b) => a.Zip(b, (x, y) => (double)x * y).Sum();

    [Fact]
    public void VectorsAreNormalisedAndDeterministic()
    {
        var first = Embedder.Embed("The refund policy for cancelled flights.");
        var again = new HashedEmbedder(384).Embed("The refund policy for cancelled flights.");

        Assert.Equal(384, first.Length);
        Assert.Equal(1.0, Math.Sqrt(first.Sum(v => (double)v * v)), 5);
        Assert.Equal(first, again);
        Assert.Equal("hashed-v1-384", Embedder.EmbedderId);
    }

    [Fact]
    public void RelatedTextsAreCloserThanUnrelatedOnes()
    {
        var query = Embedder.Embed("How are flight refunds handled?");
        var related = Embedder.Embed("Refunds for cancelled flights are handled by the travel desk.");
        var unrelated = Embedder.Embed("The cafeteria serves soup on Mondays.");
        var japaneseQuery = Embedder.Embed("返金の方針");
        var japanese = Embedder.Embed("航空券の返金の方針について説明します。");

        Assert.True(Cosine(query, related) > Cosine(query, unrelated) + 0.1);
        Assert.True(Cosine(japaneseQuery, japanese) > Cosine(japaneseQuery, unrelated) + 0.1);
    }

    [Fact]
    public void EmptyTextIsAZeroVector() => Assert.All(Embedder.Embed(" ... "), v => Assert.Equal(0f, v));

    [Fact]
    public async Task TheDimensionIsConfigurableAndEveryResponseNamesTheEmbedder()
    {
        await using var host = await InferenceTestHost.StartAsync(new Dictionary<string, string?> { ["Inference:HashedDimension"] = "256" });
        var token = TestContext.Current.CancellationToken;

        var response = await host.Service.Embed(new EmbedRequest { Inputs = { "alpha beta", "gamma" } }, new TestCallContext(Callers.Member, token));
        var mismatch = await Assert.ThrowsAsync<RpcException>(() =>
            host.Service.Embed(new EmbedRequest { Inputs = { "x" }, ExpectedEmbedderId = "hashed-v1-384" }, new TestCallContext(Callers.Member, token)));
        var empty = await Assert.ThrowsAsync<RpcException>(() => host.Service.Embed(new EmbedRequest(), new TestCallContext(Callers.Member, token)));

        Assert.Equal(("hashed", "hashed-v1-256", 256), (response.Model, response.EmbedderId, response.Dimension));
        Assert.All(response.Embeddings, e => Assert.Equal(256, e.Values.Count));
        Assert.Equal(StatusCode.FailedPrecondition, mismatch.StatusCode);
        Assert.Equal(StatusCode.InvalidArgument, empty.StatusCode);
    }
}
