namespace SecureRag.Inference.Domain;

public enum FinishReason
{
    Stop,
    Length,
    ContentFilter,
    NoAnswer,
}
