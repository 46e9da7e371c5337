namespace SecureRag.Inference.Domain;

public enum ModelKind
{
    Chat,
    Embedding,
}
