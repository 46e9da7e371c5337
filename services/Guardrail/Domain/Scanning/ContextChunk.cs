namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>A chunk to scan, with the caller's id for it.</summary>
public sealed record ContextChunk(string Id, string Text);
