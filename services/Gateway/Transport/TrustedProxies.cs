using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace SecureRag.Gateway.Transport;

/// <summary>Forwarded headers are honoured from the configured proxies only, never from loopback by default.</summary>
public static class TrustedProxies
{
    public static void Apply(ForwardedHeadersOptions options, IEnumerable<string> trusted)
    {
        options.ForwardLimit = null;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        var entries = trusted.ToList();

        // The middleware believes everybody when both lists are empty, so no trusted proxy must mean no forwarding at all.
        options.ForwardedHeaders = entries.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        foreach (var entry in entries)
        {
            if (System.Net.IPNetwork.TryParse(entry, out var network))
            {
                options.KnownIPNetworks.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                options.KnownProxies.Add(address);
            }
            else
            {
                throw new InvalidOperationException($"Gateway:Transport:TrustedProxies: '{entry}' is neither an IP address nor a network such as 10.0.0.0/8.");
            }
        }
    }
}
