namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="ApprovalMode"><c>required</c> (the default) or <c>automatic</c>.</param>
/// <param name="FindingsPolicy"><c>redact</c> (the default: personal data redacted, injection quarantined), <c>quarantine</c> or <c>mark</c>.</param>
/// <param name="EmbeddingModel">Registry name of the embedding model; empty takes Inference's default.</param>
public sealed record CreateKnowledgeBaseRequest(
    string? Name,
    string? Classification,
    IReadOnlyList<string>? Access = null,
    string? Description = null,
    string? ApprovalMode = null,
    DateTimeOffset? ReviewBefore = null,
    bool? ExcludeStale = null,
    string? FindingsPolicy = null,
    string? EmbeddingModel = null);
