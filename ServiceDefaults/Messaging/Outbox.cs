using System.Diagnostics;
using System.Text.Json;
using Dapper;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.ServiceDefaults.Messaging;

/// <summary>
/// Writes integration events into the service's outbox table inside the caller's transaction. The relay publishes
/// them after commit, so an event is sent if and only if its state change committed.
/// </summary>
public sealed class Outbox(OutboxSignal signal)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task EnqueueAsync(DbSession session, IntegrationEvent message, string? aggregateId, CancellationToken cancellationToken)
    {
        // The trace context travels with the row, so the publish (and every consumer) joins the request's trace.
        var activity = Activity.Current;
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO outbox_messages (message_id, message_type, aggregate_id, body, trace_parent, trace_state)
            VALUES (@MessageId, @MessageType, @AggregateId, @Body::jsonb, @TraceParent, @TraceState)
            """,
            new
            {
                MessageId = message.EventId,
                MessageType = message.GetType().FullName,
                AggregateId = aggregateId,
                Body = JsonSerializer.Serialize(message, message.GetType(), Json),
                TraceParent = activity?.Id,
                TraceState = activity?.TraceStateString,
            },
            session.Transaction,
            cancellationToken: cancellationToken));
        session.OnCommitted(signal.Wake);
    }
}
