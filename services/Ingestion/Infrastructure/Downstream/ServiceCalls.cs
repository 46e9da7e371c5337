using Grpc.Core;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

/// <summary>Call headers for another service: a service assertion of Ingestion acting for <see cref="Actor"/>.</summary>
public sealed class ServiceCalls(ServiceAssertionProvider assertions)
{
    public Task<Metadata> HeadersAsync(string audience, Actor actor, CancellationToken cancellationToken) =>
        RpcFailures.CallAsync("auth", () => assertions.GetHeadersAsync(audience, actor.TenantId, actor.PrincipalId, cancellationToken), cancellationToken);
}
