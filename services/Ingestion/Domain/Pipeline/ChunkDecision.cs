namespace SecureRag.Ingestion.Domain.Pipeline;

/// <param name="Disposition"><c>index</c> or <c>quarantine</c>.</param>
/// <param name="IndexedText">The text to index instead of the chunk's own (redacted), if any.</param>
public sealed record ChunkDecision(string Disposition, string? IndexedText, bool Flagged);
