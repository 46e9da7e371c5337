namespace SecureRag.Inference.Domain;

public enum TurnRole
{
    User,
    Assistant,
}
