namespace SecureRag.Ingestion.Infrastructure;

public sealed class JobRow
{
    public Guid Id { get; init; }

    public string TenantId { get; init; } = "";

    public Guid KnowledgeBaseId { get; init; }

    public Guid DocumentId { get; init; }

    public long Version { get; init; }

    public string State { get; init; } = "";

    public string Stage { get; init; } = "";

    public bool Chunked { get; init; }

    public int ChunksTotal { get; init; }

    public int ChunksDone { get; init; }

    public int ChunksQuarantined { get; init; }

    public int ChunksFlagged { get; init; }

    public int Attempts { get; init; }

    public string? FailureCode { get; init; }

    public string? FailureReason { get; init; }

    public Guid? FailedMessageId { get; init; }

    public DateTime? NextAttemptAt { get; init; }

    public string RequestedBy { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public DateTime? CompletedAt { get; init; }
}
