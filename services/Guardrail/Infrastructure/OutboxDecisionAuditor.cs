using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SecureRag.Contracts.Events;
using SecureRag.Guardrail.Domain.Auditing;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Guardrail.Infrastructure;

/// <summary>
/// Publishes each flag, redact and block decision as an <see cref="AuditEventRaised"/> through the outbox (its own
/// small transaction, so the event is delivered at least once). The scanned text travels only as the policy allows:
/// not at all, as a SHA-256 digest (the default) or in full, truncated. Allow decisions are not written.
/// </summary>
public sealed class OutboxDecisionAuditor(ServiceDatabase database, AuditTrail audit) : IDecisionAuditor
{
    private const int MaxAuditedTextChars = 4000;
    private const int MaxReasonChars = 1000;

    public Task RecordAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        if (record.Decision.Action == GuardAction.Allow)
        {
            return Task.CompletedTask;
        }

        var auditEvent = ToEvent(record);
        return database.InTransactionAsync((session, ct) => audit.RaiseAsync(session, auditEvent, ct), cancellationToken);
    }

    public static AuditEventRaised ToEvent(DecisionRecord record)
    {
        var decision = record.Decision;
        var rail = record.Rail.ToString().ToLowerInvariant();
        var verb = decision.Action switch
        {
            GuardAction.Block => "blocked",
            GuardAction.Redact => "redacted",
            _ => "flagged",
        };

        var details = new Dictionary<string, string>
        {
            ["rail"] = rail,
            ["decision_id"] = record.DecisionId,
            ["rules"] = string.Join(",", decision.Findings.Select(f => f.RuleId).Distinct()),
            ["policy_version"] = record.PolicyVersion.ToString(CultureInfo.InvariantCulture),
        };
        if (record.Source is not null)
        {
            details["source"] = record.Source;
        }

        if (record.Subjects is { Count: > 0 })
        {
            details["chunks"] = string.Join(",", record.Subjects);
        }

        switch (record.TextMode)
        {
            case AuditTextMode.Hashed:
                details["text_sha256"] = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(record.Text)));
                break;
            case AuditTextMode.Full:
                details["text"] = record.Text.Length <= MaxAuditedTextChars ? record.Text : record.Text[..MaxAuditedTextChars];
                break;
        }

        var reason = string.Join("; ", decision.Findings.Select(f => $"{f.RuleId}: {f.Reason}").Distinct());
        return new AuditEventRaised
        {
            TenantId = record.TenantId,
            Actor = new AuditActor(record.ActorKind, record.ActorId, record.OnBehalfOf),
            Action = $"guardrail.{rail}.{verb}",
            Target = $"decision:{record.DecisionId}",
            Outcome = decision.Action == GuardAction.Block ? "blocked" : "success",
            Reason = reason.Length <= MaxReasonChars ? reason : reason[..MaxReasonChars],
            AppId = record.AppId,
            Details = details,
        };
    }
}
