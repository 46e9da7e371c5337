namespace SecureRag.Inference.Domain;

/// <summary>What callers may know about a model: no endpoint, no credential.</summary>
public sealed record ModelDescriptor(string Name, ModelKind Kind, bool Embedded, int ContextWindow, string? EmbedderId, int? Dimension, bool IsDefault);
