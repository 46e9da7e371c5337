namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>One record of the audit trail.</summary>
/// <param name="Kind"><c>event</c>, or <c>purge</c> for the record of a retention purge.</param>
public sealed record AuditRecordDto(
    long Sequence,
    string EventId,
    DateTimeOffset? OccurredAt,
    DateTimeOffset? RecordedAt,
    AuditActorDto Actor,
    string Action,
    string Target,
    string Outcome,
    string? Reason,
    string? ClientAddress,
    string? AppId,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Details,
    string Kind);

/// <param name="Kind"><c>user</c>, <c>apikey</c>, <c>service</c> or <c>anonymous</c>.</param>
public sealed record AuditActorDto(string Kind, string Id, string? OnBehalfOf);
