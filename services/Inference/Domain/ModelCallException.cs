namespace SecureRag.Inference.Domain;

/// <summary>A failed call to a model runtime, with a message a caller can act on (no prompt text, no credentials).</summary>
public sealed class ModelCallException(ModelFailureKind kind, string message, Exception? inner = null) : Exception(message, inner)
{
    public ModelFailureKind Kind { get; } = kind;
}
