namespace SecureRag.Inference.Domain;

public sealed record EmbeddingResult(IReadOnlyList<ReadOnlyMemory<float>> Vectors, int Dimension, string EmbedderId, TokenUsage Usage);
