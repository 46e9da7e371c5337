using MassTransit;

namespace SecureRag.Gateway.Consumers;

/// <summary>
/// Every Gateway replica must hear every change, so each gets a temporary queue of its own instead of sharing one.
/// </summary>
public sealed class PrincipalsChangedConsumerDefinition : ConsumerDefinition<PrincipalsChangedConsumer>
{
    public PrincipalsChangedConsumerDefinition()
    {
        Endpoint(e =>
        {
            e.InstanceId = Guid.NewGuid().ToString("N")[..12];
            e.Temporary = true;
        });
    }
}
