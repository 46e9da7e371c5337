using SecureRag.Audit.Domain;
using SecureRag.Contracts.Events;

namespace SecureRag.Audit.Tests;

/// <summary>Audit events as services raise them.</summary>
public static class Events
{
    public static AuditEventRaised Raised(string tenant = "tenant-a", string action = "apikey.created", DateTimeOffset? occurredAt = null, string? traceId = null) => new()
    {
        TenantId = tenant,
        Actor = new AuditActor("user", $"user-of-{tenant}"),
        Action = action,
        Target = "key-1",
        Outcome = "success",
        ClientAddress = "203.0.113.7",
        AppId = "app-1",
        TraceId = traceId ?? Guid.NewGuid().ToString("N"),
        SpanId = Guid.NewGuid().ToString("N")[..16],
        OccurredAt = occurredAt ?? DateTimeOffset.UtcNow,
        Details = new Dictionary<string, string> { ["prompt_sha256"] = "ab12", ["scopes"] = "query" },
    };

    public static AuditEntry Entry(string tenant = "tenant-a", string action = "apikey.created", DateTimeOffset? occurredAt = null, string? traceId = null) =>
        AuditEntries.FromEvent(Raised(tenant, action, occurredAt, traceId));

    public static List<AuditEntry> Entries(int count, string tenant = "tenant-a") =>
        [.. Enumerable.Range(0, count).Select(_ => Entry(tenant))];
}
