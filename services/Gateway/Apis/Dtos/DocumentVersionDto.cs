namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="ApprovalState"><c>pending</c>, <c>approved</c>, <c>rejected</c> or <c>superseded</c>.</param>
/// <param name="JobState"><c>queued</c>, <c>running</c>, <c>waiting</c>, <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</param>
public sealed record DocumentVersionDto(
    long Version,
    string ContentHash,
    string FileName,
    string ContentType,
    string Format,
    long SizeBytes,
    string ApprovalState,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? DecisionReason,
    string UploadedBy,
    DateTimeOffset? UploadedAt,
    string? JobId,
    string? JobState,
    int ChunkCount,
    int QuarantinedChunks);
