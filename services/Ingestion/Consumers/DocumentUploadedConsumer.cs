using MassTransit;
using SecureRag.Contracts.Events;
using SecureRag.Ingestion.Infrastructure.Jobs;

namespace SecureRag.Ingestion.Consumers;

/// <summary>
/// Runs the job of a new upload. Idempotent by the job (its business identity): a redelivery of a completed job, or
/// one another worker is running, does nothing.
/// </summary>
public sealed class DocumentUploadedConsumer(JobRunner runner, ILogger<DocumentUploadedConsumer> logger) : IConsumer<DocumentUploaded>
{
    public async Task Consume(ConsumeContext<DocumentUploaded> context)
    {
        var outcome = await runner.RunAsync(Guid.Parse(context.Message.JobId), context.MessageId, context.CancellationToken);
        logger.LogDebug("Job {JobId} of document {DocumentId}: {Outcome}", context.Message.JobId, context.Message.DocumentId, outcome);
    }
}
