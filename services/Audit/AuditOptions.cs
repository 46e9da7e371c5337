namespace SecureRag.Audit;

/// <summary>The audit trail's settings (section <c>Audit</c>), validated at start by <see cref="AuditOptionsValidator"/>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>
    /// The HMAC key of the chain, base64, at least 32 bytes, held outside the database (configuration or a Kubernetes
    /// Secret: <c>Audit__ChainKey</c>). Required outside Development.
    /// </summary>
    public string? ChainKey { get; set; }

    public AuditCheckpointOptions Checkpoint { get; set; } = new();

    public AuditRetentionOptions Retention { get; set; } = new();

    public AuditIngestOptions Ingest { get; set; } = new();
}
