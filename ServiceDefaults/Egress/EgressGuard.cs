using System.Net;
using System.Net.Sockets;

namespace SecureRag.ServiceDefaults.Egress;

/// <summary>
/// Decides whether an address may be connected to. Checks the address itself (what a socket would reach), never only
/// the name, so a DNS answer that changes cannot send data out.
/// </summary>
public sealed class EgressGuard
{
    // Link-local holds the cloud metadata services (169.254.169.254, AWS's fd00:ec2::254 is listed separately).
    private static readonly IPNetwork[] AlwaysRefused =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("255.255.255.255/32"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
        IPNetwork.Parse("fd00:ec2::254/128"),
    ];

    // RFC 6052 well-known NAT64 prefix and RFC 2765 IPv4-translated addresses carry an IPv4 address in the last 32 bits.
    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork Translated = IPNetwork.Parse("::ffff:0:0:0/96");
    private static readonly IPNetwork Compatible = IPNetwork.Parse("::/96");

    private readonly bool _allowLoopback;
    private readonly IPNetwork[] _networks;
    private readonly string[] _hosts;

    /// <exception cref="FormatException">An entry of <see cref="EgressOptions.AllowedNetworks"/> is not a CIDR range.</exception>
    public EgressGuard(EgressOptions options)
    {
        _allowLoopback = options.AllowLoopback;
        _networks = [.. options.AllowedNetworks.Select(ParseNetwork)];
        _hosts = [.. options.AllowedHosts.Select(h => h.Trim().TrimEnd('.').ToLowerInvariant()).Where(h => h.Length > 0)];
    }

    /// <summary>Decides on one address that <paramref name="host"/> resolved to.</summary>
    public EgressDecision Evaluate(string host, IPAddress address)
    {
        var effective = Unwrap(address);
        if (effective.Equals(IPAddress.Any) || effective.Equals(IPAddress.IPv6Any))
        {
            return new(false, host, effective, "is the unspecified address");
        }

        if (FindNetwork(AlwaysRefused, effective) is { } refused)
        {
            return new(false, host, effective, $"is in {refused}, which is always refused (link-local, cloud metadata, multicast or broadcast)");
        }

        if (IPAddress.IsLoopback(effective))
        {
            return _allowLoopback
                ? new(true, host, effective, "is a loopback address")
                : new(false, host, effective, "is a loopback address and loopback is not allowed");
        }

        if (FindNetwork(_networks, effective) is { } network)
        {
            return new(true, host, effective, $"is in the allowed network {network}");
        }

        if (IsAllowedHost(host))
        {
            return new(true, host, effective, "the host name is allowed");
        }

        return new(false, host, effective, "is not in the egress allow-list (AllowedNetworks, AllowedHosts)");
    }

    /// <summary>
    /// Resolves <paramref name="host"/> and checks every address it has now: for start-up checks, where any refused
    /// address is a configuration error. Connections are checked again, address by address, when they are made.
    /// </summary>
    public async Task<EgressDecision> CheckHostAsync(string host, IHostAddressResolver resolver, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(host, resolver, cancellationToken);
        if (addresses.Length == 0)
        {
            return new(false, host, IPAddress.None, "resolves to no address");
        }

        var decisions = addresses.Select(a => Evaluate(host, a)).ToList();
        return decisions.FirstOrDefault(d => !d.Allowed) ?? decisions[0];
    }

    /// <summary>An address literal as itself, a name through <paramref name="resolver"/>.</summary>
    public static async Task<IPAddress[]> ResolveAsync(string host, IHostAddressResolver resolver, CancellationToken cancellationToken)
    {
        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address)
            ? [address]
            : await resolver.ResolveAsync(host, cancellationToken);
    }

    /// <summary>The IPv4 address carried by an IPv4-mapped, -translated, -compatible or NAT64 IPv6 address; else the address.</summary>
    public static IPAddress Unwrap(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        var carriesIPv4 = Nat64.Contains(address) || Translated.Contains(address)
            || (Compatible.Contains(address) && !address.Equals(IPAddress.IPv6Any) && !address.Equals(IPAddress.IPv6Loopback));
        if (!carriesIPv4)
        {
            return address;
        }

        var bytes = address.GetAddressBytes();
        return new IPAddress(bytes.AsSpan(12, 4));
    }

    /// <summary>Parses a CIDR range, or a single address as a /32 or /128.</summary>
    public static IPNetwork ParseNetwork(string value)
    {
        var text = value.Trim();
        if (IPNetwork.TryParse(text, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(text, out var address))
        {
            return new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new FormatException($"'{value}' is not an address range in CIDR notation (e.g. 10.0.0.0/8).");
    }

    private static IPNetwork? FindNetwork(IPNetwork[] networks, IPAddress address)
    {
        foreach (var network in networks)
        {
            if (network.Contains(address))
            {
                return network;
            }
        }

        return null;
    }

    private bool IsAllowedHost(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        foreach (var allowed in _hosts)
        {
            if (allowed.StartsWith("*.", StringComparison.Ordinal)
                ? name.EndsWith(allowed[1..], StringComparison.Ordinal) && name.Length > allowed.Length - 1
                : name == allowed)
            {
                return true;
            }
        }

        return false;
    }
}
