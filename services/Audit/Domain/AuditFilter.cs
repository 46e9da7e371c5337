namespace SecureRag.Audit.Domain;

/// <summary>Null fields do not filter. The tenant is not part of it: it always comes from the caller.</summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? ActorId = null,
    string? AppId = null,
    string? Action = null,
    string? Outcome = null,
    string? TraceId = null);
