using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureRag.Ingestion.Consumers;

/// <summary>
/// Concurrency from <c>Ingestion:ConcurrentJobs</c>. Retries are the bus's (exponential, then the <c>_error</c>
/// queue): a poison document is failed in its job first and refused again at once on every redelivery, so it reaches
/// the error queue quickly; an unavailable dependency is not an error here at all (the job waits and is re-sent by
/// the scheduler), so a long outage never fills the error queue.
/// </summary>
public sealed class DocumentUploadedConsumerDefinition : ConsumerDefinition<DocumentUploadedConsumer>
{
    public DocumentUploadedConsumerDefinition(IOptions<IngestionOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentJobs;
        Endpoint(e => e.PrefetchCount = options.Value.ConcurrentJobs * 2);
    }
}
