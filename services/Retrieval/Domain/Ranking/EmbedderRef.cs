namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>An embedder in a search's scope: its id, the registry model that produces it, the vectors' dimension.</summary>
public sealed record EmbedderRef(string EmbedderId, string Model, int Dimension);
