using System.Net;
using System.Net.Sockets;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// The form of a client address that limits count against: IPv4-mapped IPv6 as plain IPv4, and IPv6 by its /64
/// prefix, because a single host is routinely handed a whole /64 and could otherwise rotate through it.
/// </summary>
public static class ClientAddress
{
    public static string Normalize(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return $"{new IPAddress(bytes)}/64";
    }
}
