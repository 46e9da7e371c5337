namespace SecureRag.Inference.Domain;

/// <summary>The model now produces vectors of another embedder than the caller's index holds.</summary>
public sealed class EmbedderMismatchException(string message) : Exception(message);
