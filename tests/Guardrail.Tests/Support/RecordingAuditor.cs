using System.Collections.Concurrent;
using SecureRag.Guardrail.Domain.Auditing;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Infrastructure;
using SecureRag.Contracts.Events;

namespace SecureRag.Guardrail.Tests.Support;

/// <summary>Keeps the audit events the outbox auditor would publish, built by its own mapping.</summary>
public sealed class RecordingAuditor : IDecisionAuditor
{
    public ConcurrentQueue<AuditEventRaised> Events { get; } = new();

    public Task RecordAsync(DecisionRecord record, CancellationToken cancellationToken)
    {
        if (record.Decision.Action != GuardAction.Allow)
        {
            Events.Enqueue(OutboxDecisionAuditor.ToEvent(record));
        }

        return Task.CompletedTask;
    }
}
