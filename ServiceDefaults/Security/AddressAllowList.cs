using System.Net;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>Matches a client address against an API key's allow-list of addresses and CIDR ranges.</summary>
public static class AddressAllowList
{
    /// <summary>True when the list is empty (no restriction) or contains the address.</summary>
    public static bool Allows(IReadOnlyList<string> allowList, string? clientAddress)
    {
        if (allowList.Count == 0)
        {
            return true;
        }

        if (!IPAddress.TryParse(clientAddress, out var address))
        {
            return false;
        }

        address = Normalize(address);
        return allowList.Any(entry => TryParseRange(entry, out var range) && range.Contains(address));
    }

    /// <summary>Whether every entry is an address or CIDR range.</summary>
    public static bool IsValid(IEnumerable<string> allowList) => allowList.All(entry => TryParseRange(entry, out _));

    /// <summary>IPv4-mapped IPv6 addresses are compared as the IPv4 address they carry.</summary>
    public static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool TryParseRange(string entry, out IPNetwork range)
    {
        if (IPNetwork.TryParse(entry, out range))
        {
            return true;
        }

        if (IPAddress.TryParse(entry, out var single))
        {
            single = Normalize(single);
            range = new IPNetwork(single, single.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
