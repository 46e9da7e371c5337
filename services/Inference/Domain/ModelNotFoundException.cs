namespace SecureRag.Inference.Domain;

public sealed class ModelNotFoundException(string message) : Exception(message);
