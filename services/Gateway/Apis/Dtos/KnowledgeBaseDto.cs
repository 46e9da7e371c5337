namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="Classification"><c>internal</c>, <c>partner</c>, <c>customer</c> or <c>restricted</c>.</param>
/// <param name="Access">Entries <c>user:&lt;id&gt;</c>, <c>group:&lt;id&gt;</c>, <c>app:&lt;id&gt;</c> or <c>tenant:*</c>.</param>
/// <param name="ApprovalMode"><c>required</c> or <c>automatic</c>.</param>
/// <param name="FindingsPolicy"><c>quarantine</c>, <c>redact</c> or <c>mark</c>.</param>
/// <param name="ReadableByAudiences">The app audiences that may read this classification.</param>
public sealed record KnowledgeBaseDto(
    string Id,
    string Name,
    string Description,
    string Classification,
    IReadOnlyList<string> Access,
    string ApprovalMode,
    DateTimeOffset? ReviewBefore,
    bool ExcludeStale,
    string FindingsPolicy,
    string EmbeddingModel,
    string? EmbedderId,
    int Version,
    IReadOnlyList<string> ReadableByAudiences,
    int DocumentCount,
    int StaleDocumentCount,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt);
