namespace SecureRag.Inference.Domain;

/// <summary>An embedding model of the registry: the embedded hashed embedder or a runtime's model.</summary>
public interface IEmbedder
{
    string Name { get; }

    /// <summary>The vector space the embedder produces; stored with every vector.</summary>
    string EmbedderId { get; }

    /// <summary>The dimension, when known before a call.</summary>
    int? Dimension { get; }

    Task<EmbeddingResult> EmbedAsync(IReadOnlyList<string> inputs, CallContext call, CancellationToken cancellationToken);
}
