namespace SecureRag.Hosting.Dashboard;

/// <summary>One record of the audit trail as the dashboard lists it.</summary>
public sealed record DashboardAuditRecord
{
    public required long Sequence { get; init; }

    /// <summary><c>event</c>, or <c>purge</c> for a record of the retention purge.</summary>
    public required string Kind { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }

    public required string TenantId { get; init; }

    public required string ActorKind { get; init; }

    public required string ActorId { get; init; }

    public string? OnBehalfOf { get; init; }

    public required string Action { get; init; }

    public string? Target { get; init; }

    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    public string? ClientAddress { get; init; }

    public string? AppId { get; init; }

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
