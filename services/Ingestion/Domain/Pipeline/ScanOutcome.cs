namespace SecureRag.Ingestion.Domain.Pipeline;

/// <summary>The Guardrail context scan's action for a chunk, most severe last.</summary>
public enum ScanOutcome
{
    Pass,
    Flag,
    Redact,
    Block,
}
