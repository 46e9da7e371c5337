namespace SecureRag.Inference.Domain;

public sealed record GenerationEnd(TokenUsage Usage, FinishReason FinishReason, IReadOnlyList<Citation> Citations);
