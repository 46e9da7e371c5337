using System.Net;

namespace SecureRag.ServiceDefaults.Egress;

/// <summary>Resolves host names for the egress guard; replaceable so tests can fake DNS.</summary>
public interface IHostAddressResolver
{
    /// <summary>All addresses of <paramref name="host"/>; throws <see cref="System.Net.Sockets.SocketException"/> when it has none.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
