namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>The default: keeps the fused order.</summary>
public sealed class NoOpReranker : IReranker
{
    public ValueTask<IReadOnlyList<SearchHitRecord>> RerankAsync(
        string query, IReadOnlyList<SearchHitRecord> candidates, CancellationToken cancellationToken) =>
        ValueTask.FromResult(candidates);
}
