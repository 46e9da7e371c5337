using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SecureRag.ServiceDefaults.Egress;

namespace SecureRag.Inference.Tests.Fakes;

/// <summary>DNS the test controls; unknown names do not resolve. Records every lookup.</summary>
public sealed class FakeResolver : IHostAddressResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Lookups { get; } = new();

    public FakeResolver Map(string host, params string[] addresses)
    {
        _names[host] = [.. addresses.Select(IPAddress.Parse)];
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        Lookups.Enqueue(host);
        return _names.TryGetValue(host, out var addresses)
            ? Task.FromResult(addresses)
            : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound));
    }
}
