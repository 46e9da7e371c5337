using MassTransit;
using SecureRag.Contracts.Events;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.Consumers;

/// <summary>Forgets a tenant's cached authentications on this replica (each replica has its own queue).</summary>
public sealed class PrincipalsChangedConsumer(PrincipalCache cache) : IConsumer<PrincipalsChanged>
{
    public Task Consume(ConsumeContext<PrincipalsChanged> context)
    {
        cache.EvictTenant(context.Message.TenantId);
        return Task.CompletedTask;
    }
}
