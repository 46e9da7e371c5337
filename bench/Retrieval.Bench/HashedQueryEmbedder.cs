using SecureRag.Inference.Domain;
using SecureRag.Retrieval.Domain.Ranking;

namespace SecureRag.Retrieval.Bench;

/// <summary>The Inference service's hashed embedder in process, in place of the gRPC call to Inference.</summary>
public sealed class HashedQueryEmbedder(int dimension) : IQueryEmbedder
{
    public HashedEmbedder Embedder { get; } = new(dimension);

    public Task<float[]> EmbedAsync(string text, EmbedderRef embedder, string tenantId, string onBehalfOf, CancellationToken cancellationToken) =>
        Task.FromResult(embedder.EmbedderId == Embedder.EmbedderId
            ? Embedder.Embed(text)
            : throw new InvalidOperationException($"No embedder '{embedder.EmbedderId}' here."));
}
