using System.Net;

namespace SecureRag.ServiceDefaults.Egress;

/// <summary>Resolves host names for the egress guard; replaceable so tests can fake DNS.</summary>
public interface IHostAddressResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
