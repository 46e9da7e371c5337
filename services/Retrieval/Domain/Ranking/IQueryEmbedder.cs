namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>Embeds a query with a knowledge base's embedder (the Inference service in production).</summary>
public interface IQueryEmbedder
{
    /// <param name="onBehalfOf">The principal the search runs for; Inference sees the call as made on its behalf.</param>
    Task<float[]> EmbedAsync(string text, EmbedderRef embedder, string tenantId, string onBehalfOf, CancellationToken cancellationToken);
}
