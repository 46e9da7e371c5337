namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Access">The document's own list; empty: the knowledge base's list alone applies.</param>
/// <param name="SearchableVersion">The version search returns, 0 when none is approved and indexed.</param>
/// <param name="Stale">Older than the knowledge base's review date.</param>
public sealed record DocumentDto(
    string Id,
    string KnowledgeBaseId,
    string Title,
    string Source,
    IReadOnlyList<string> Tags,
    string Author,
    DateTimeOffset? EffectiveDate,
    IReadOnlyList<string> Access,
    long LatestVersion,
    long SearchableVersion,
    bool Stale,
    IReadOnlyList<DocumentVersionDto> Versions,
    string CreatedBy,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);
