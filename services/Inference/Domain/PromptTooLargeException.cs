namespace SecureRag.Inference.Domain;

/// <summary>The system prompt and the question alone do not fit the model's context window.</summary>
public sealed class PromptTooLargeException(string message) : Exception(message);
