using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

/// <summary>The Inference service's embeddings, a batch per call.</summary>
public interface IChunkEmbedder
{
    /// <param name="expectedEmbedderId">When set, refused unless the model still produces vectors of this embedder.</param>
    Task<(IReadOnlyList<float[]> Vectors, string EmbedderId)> EmbedAsync(
        Actor actor, string model, string? expectedEmbedderId, IReadOnlyList<string> texts, CancellationToken cancellationToken);
}
