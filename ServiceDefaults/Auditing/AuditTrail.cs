using System.Diagnostics;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

namespace SecureRag.ServiceDefaults.Auditing;

/// <summary>
/// Raises audit events through the service's outbox, in the caller's transaction, stamped with the current trace;
/// the trace in turn carries the audit event id, so an investigation can go from either side.
/// </summary>
public sealed class AuditTrail(Outbox outbox)
{
    public const string EventIdTag = "securerag.audit.event_id";

    public Task RaiseAsync(DbSession session, AuditEventRaised auditEvent, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.AddEvent(new ActivityEvent("audit", tags: new ActivityTagsCollection { [EventIdTag] = auditEvent.EventId.ToString() }));
        var stamped = auditEvent with
        {
            TraceId = auditEvent.TraceId ?? activity?.TraceId.ToString(),
            SpanId = auditEvent.SpanId ?? activity?.SpanId.ToString(),
        };
        // Audit records need no order among themselves (the chain orders them as stored), so they relay concurrently.
        return outbox.EnqueueAsync(session, stamped, aggregateId: null, cancellationToken);
    }
}
