namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>
/// A second-stage ranker over the fused candidates (a cross-encoder served by an internal runtime, say). It may only
/// reorder or drop candidates: they have already been trimmed to what the caller may read.
/// </summary>
public interface IReranker
{
    ValueTask<IReadOnlyList<SearchHitRecord>> RerankAsync(
        string query, IReadOnlyList<SearchHitRecord> candidates, CancellationToken cancellationToken);
}
