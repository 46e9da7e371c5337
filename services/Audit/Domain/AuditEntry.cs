namespace SecureRag.Audit.Domain;

/// <summary>
/// What an audit record says, as raised by a service. Times carry microsecond precision, PostgreSQL's, so the HMAC
/// computed before storage matches the one recomputed after.
/// </summary>
public sealed record AuditEntry(
    Guid EventId,
    DateTimeOffset OccurredAt,
    string TenantId,
    string ActorKind,
    string ActorId,
    string? ActorOnBehalfOf,
    string Action,
    string? Target,
    string Outcome,
    string? Reason,
    string? ClientAddress,
    string? AppId,
    string? TraceId,
    string? SpanId,
    IReadOnlyDictionary<string, string> Details);
