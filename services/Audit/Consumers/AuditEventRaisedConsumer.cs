using MassTransit;
using SecureRag.Audit.Domain;
using SecureRag.Audit.Infrastructure;
using SecureRag.Contracts.Events;

namespace SecureRag.Audit.Consumers;

/// <summary>
/// Stores audit events in batches: one transaction and one turn of the chain lock per batch. Idempotent by event id
/// (the business identity, unique in the table), so a redelivered event, alone or within a batch, is stored once;
/// a failed batch is retried whole and none of it is acknowledged before it commits.
/// </summary>
public sealed class AuditEventRaisedConsumer(ChainWriter writer, ILogger<AuditEventRaisedConsumer> logger)
    : IConsumer<Batch<AuditEventRaised>>
{
    public async Task Consume(ConsumeContext<Batch<AuditEventRaised>> context)
    {
        var entries = context.Message.Select(m => AuditEntries.FromEvent(m.Message)).ToList();
        var stored = await writer.AppendAsync(entries, context.CancellationToken);
        logger.LogDebug("Stored {Stored} of {Count} audit events", stored, entries.Count);
    }
}
