namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>Only the fields present change.</summary>
/// <param name="ClearReviewBefore">Removes the review date.</param>
/// <param name="ExpectedVersion">The version the edit started from; a stale one answers 409.</param>
public sealed record UpdateKnowledgeBaseRequest(
    string? Description = null,
    string? Classification = null,
    string? ApprovalMode = null,
    DateTimeOffset? ReviewBefore = null,
    bool? ClearReviewBefore = null,
    bool? ExcludeStale = null,
    string? FindingsPolicy = null,
    int? ExpectedVersion = null);
