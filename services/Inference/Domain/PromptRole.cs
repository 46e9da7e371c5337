namespace SecureRag.Inference.Domain;

public enum PromptRole
{
    System,
    User,
    Assistant,
}
