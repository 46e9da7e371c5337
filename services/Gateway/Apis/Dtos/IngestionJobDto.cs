namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="State"><c>queued</c>, <c>running</c>, <c>waiting</c> (a dependency is down; retried at
/// <paramref name="NextAttemptAt"/>), <c>completed</c>, <c>failed</c> or <c>cancelled</c>.</param>
/// <param name="Stage"><c>parse</c>, <c>scan</c>, <c>embed</c>, <c>index</c> or <c>done</c>.</param>
public sealed record IngestionJobDto(
    string Id,
    string DocumentId,
    string KnowledgeBaseId,
    long Version,
    string State,
    string Stage,
    int ChunksTotal,
    int ChunksDone,
    int ChunksQuarantined,
    int ChunksFlagged,
    int Attempts,
    string? FailureCode,
    string? FailureReason,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? UpdatedAt,
    DateTimeOffset? CompletedAt);
