using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureRag.Ingestion.Consumers;

/// <summary>As <see cref="DocumentUploadedConsumerDefinition"/>: the same jobs, sent again.</summary>
public sealed class IndexDocumentConsumerDefinition : ConsumerDefinition<IndexDocumentConsumer>
{
    public IndexDocumentConsumerDefinition(IOptions<IngestionOptions> options)
    {
        ConcurrentMessageLimit = options.Value.ConcurrentJobs;
        Endpoint(e => e.PrefetchCount = options.Value.ConcurrentJobs * 2);
    }
}
