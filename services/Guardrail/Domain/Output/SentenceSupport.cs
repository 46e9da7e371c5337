namespace SecureRag.Guardrail.Domain.Output;

/// <summary>How well one answer sentence is supported: the share of its content words found in the best passage.</summary>
public sealed record SentenceSupport(int Start, int Length, bool Supported, double Score, string? PassageId);
