namespace SecureRag.Inference.Domain;

public sealed record GenerationResult(GenerationStart Start, string Text, GenerationEnd End);
