namespace SecureRag.Guardrail.Domain.Output;

/// <summary>A passage an answer cites.</summary>
public sealed record CitedPassage(string Id, string Text);
