namespace SecureRag.Contracts.Events;

/// <summary>
/// A security-relevant action, written through the acting service's outbox and stored by the Audit service.
/// Prompt or answer text appears in <see cref="Details"/> only as the app's audit policy allows.
/// </summary>
public sealed record AuditEventRaised : IntegrationEvent
{
    public required string TenantId { get; init; }

    public required AuditActor Actor { get; init; }

    /// <summary>Dotted verb, e.g. <c>apikey.created</c>, <c>auth.failed</c>, <c>guardrail.input.blocked</c>.</summary>
    public required string Action { get; init; }

    public string? Target { get; init; }

    /// <summary><c>success</c>, <c>denied</c>, <c>failure</c> or <c>blocked</c>.</summary>
    public required string Outcome { get; init; }

    public string? Reason { get; init; }

    public string? ClientAddress { get; init; }

    public string? AppId { get; init; }

    public string? TraceId { get; init; }

    public string? SpanId { get; init; }

    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
