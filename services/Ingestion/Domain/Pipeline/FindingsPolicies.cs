namespace SecureRag.Ingestion.Domain.Pipeline;

/// <summary>
/// A knowledge base's policy for chunks the context scan flags: <c>quarantine</c> keeps every flagged chunk out of the
/// index; <c>redact</c> indexes the redacted text of chunks with personal data or secrets and quarantines the ones the
/// scan blocks (injection cannot be redacted away); <c>mark</c> indexes everything and records the rules that fired.
/// </summary>
public static class FindingsPolicies
{
    public const string Quarantine = "quarantine";
    public const string Redact = "redact";
    public const string Mark = "mark";

    public const string Index = "index";

    public static ChunkDecision Decide(string policy, ChunkVerdict verdict)
    {
        if (verdict.Outcome == ScanOutcome.Pass && !verdict.Withheld)
        {
            return new ChunkDecision(Index, null, false);
        }

        return policy switch
        {
            Mark => new ChunkDecision(Index, null, true),
            Redact when verdict.Outcome == ScanOutcome.Block || verdict.Withheld => new ChunkDecision(Quarantine, null, true),
            Redact when verdict.Outcome == ScanOutcome.Redact => new ChunkDecision(Index, verdict.RedactedText, true),
            Redact => new ChunkDecision(Index, null, true),
            _ => new ChunkDecision(Quarantine, null, true),
        };
    }
}
