namespace SecureRag.Ingestion.Infrastructure;

public sealed class VersionRow
{
    public Guid DocumentId { get; init; }

    public long Version { get; init; }

    public Guid KnowledgeBaseId { get; init; }

    public string ContentHash { get; init; } = "";

    public string FileName { get; init; } = "";

    public string ContentType { get; init; } = "";

    public string Format { get; init; } = "";

    public long SizeBytes { get; init; }

    public string ApprovalState { get; init; } = "";

    public string? DecidedBy { get; init; }

    public DateTime? DecidedAt { get; init; }

    public string? DecisionReason { get; init; }

    public string UploadedBy { get; init; } = "";

    public DateTime UploadedAt { get; init; }

    public DateTime? IndexedAt { get; init; }

    public int ChunkCount { get; init; }

    public int QuarantinedChunks { get; init; }

    public Guid? JobId { get; init; }

    public string? JobState { get; init; }
}
