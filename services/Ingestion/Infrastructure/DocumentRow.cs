namespace SecureRag.Ingestion.Infrastructure;

public sealed class DocumentRow
{
    public Guid Id { get; init; }

    public string TenantId { get; init; } = "";

    public Guid KnowledgeBaseId { get; init; }

    public string Title { get; init; } = "";

    public string Source { get; init; } = "";

    public string[] Tags { get; init; } = [];

    public string Author { get; init; } = "";

    public DateTime? EffectiveDate { get; init; }

    public string[] Access { get; init; } = [];

    public long LatestVersion { get; init; }

    public long SearchableVersion { get; init; }

    public bool Stale { get; init; }

    public string CreatedBy { get; init; } = "";

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; init; }
}
