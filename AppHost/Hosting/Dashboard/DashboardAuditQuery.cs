namespace SecureRag.Hosting.Dashboard;

/// <summary>The Audit page's filters; empty ones do not filter.</summary>
public sealed record DashboardAuditQuery
{
    public string? TenantId { get; init; }

    public string? ActorId { get; init; }

    public string? AppId { get; init; }

    public string? Action { get; init; }

    public string? Outcome { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Occurred at or after.</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Occurred before.</summary>
    public DateTimeOffset? To { get; init; }

    /// <summary>Only records below this sequence number (the next page).</summary>
    public long? BeforeSequence { get; init; }

    public int PageSize { get; init; } = 100;
}
