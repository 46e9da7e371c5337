namespace SecureRag.Ingestion.Domain.Pipeline;

/// <param name="Withheld">The scan says to leave the chunk out (drop or quarantine).</param>
/// <param name="RedactedText">The chunk with personal data and secrets redacted, when the scan redacted.</param>
public sealed record ChunkVerdict(string ChunkId, ScanOutcome Outcome, bool Withheld, string? RedactedText, IReadOnlyList<string> RuleIds);
