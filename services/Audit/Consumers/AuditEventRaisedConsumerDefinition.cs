using MassTransit;
using Microsoft.Extensions.Options;

namespace SecureRag.Audit.Consumers;

public sealed class AuditEventRaisedConsumerDefinition : ConsumerDefinition<AuditEventRaisedConsumer>
{
    private readonly AuditIngestOptions _ingest;

    public AuditEventRaisedConsumerDefinition(IOptions<AuditOptions> options)
    {
        _ingest = options.Value.Ingest;

        // Enough unacknowledged messages in hand to fill every batch in flight.
        Endpoint(e => e.PrefetchCount = _ingest.BatchSize * (_ingest.ConcurrentBatches + 1));
    }

    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<AuditEventRaisedConsumer> consumerConfigurator,
        IRegistrationContext context) =>
        consumerConfigurator.Options<BatchOptions>(batch => batch
            .SetMessageLimit(_ingest.BatchSize)
            .SetTimeLimit(_ingest.BatchTimeLimit)
            .SetConcurrencyLimit(_ingest.ConcurrentBatches));
}
