using MassTransit;
using SecureRag.Contracts.Events;
using SecureRag.Ingestion.Infrastructure.Jobs;

namespace SecureRag.Ingestion.Consumers;

/// <summary>Runs a job again: a retry that came due, a stuck job, or an administrator's re-queue.</summary>
public sealed class IndexDocumentConsumer(JobRunner runner, ILogger<IndexDocumentConsumer> logger) : IConsumer<IndexDocument>
{
    public async Task Consume(ConsumeContext<IndexDocument> context)
    {
        var outcome = await runner.RunAsync(Guid.Parse(context.Message.JobId), context.MessageId, context.CancellationToken);
        logger.LogDebug("Job {JobId} (attempt {Attempt}): {Outcome}", context.Message.JobId, context.Message.Attempt, outcome);
    }
}
