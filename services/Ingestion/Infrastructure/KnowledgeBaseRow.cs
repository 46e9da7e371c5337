namespace SecureRag.Ingestion.Infrastructure;

public sealed class KnowledgeBaseRow
{
    public Guid Id { get; init; }

    public string TenantId { get; init; } = "";

    public string Name { get; init; } = "";

    public string Description { get; init; } = "";

    public string Classification { get; init; } = "";

    public string[] Access { get; init; } = [];

    public string ApprovalMode { get; init; } = "";

    public DateTime? ReviewBefore { get; init; }

    public bool ExcludeStale { get; init; }

    public string FindingsPolicy { get; init; } = "";

    public string EmbeddingModel { get; init; } = "";

    public string? EmbedderId { get; init; }

    public int Version { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }

    public int DocumentCount { get; init; }

    public int StaleDocumentCount { get; init; }
}
