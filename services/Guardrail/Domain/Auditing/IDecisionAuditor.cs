namespace SecureRag.Guardrail.Domain.Auditing;

/// <summary>
/// Publishes decisions as audit events. Every flag, redact and block decision is audited; allow decisions are only
/// counted in metrics, which keeps the common path free of database writes.
/// </summary>
public interface IDecisionAuditor
{
    Task RecordAsync(DecisionRecord record, CancellationToken cancellationToken);
}
