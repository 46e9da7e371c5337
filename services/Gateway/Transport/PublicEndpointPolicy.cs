using System.Net;
using Microsoft.Extensions.Configuration;

namespace SecureRag.Gateway.Transport;

/// <summary>
/// The Gateway's public endpoints serve HTTPS; plain HTTP is allowed only on loopback in Development. The internal
/// gRPC endpoint (named <c>grpc</c>, for health checks inside the cluster) is not public.
/// </summary>
public static class PublicEndpointPolicy
{
    public const string InternalEndpointName = "grpc";

    /// <summary>The reasons the configured endpoints break the rule; empty when they keep it.</summary>
    public static IReadOnlyList<string> Violations(IConfiguration configuration, bool isDevelopment)
    {
        var urls = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Where(e => !string.Equals(e.Key, InternalEndpointName, StringComparison.OrdinalIgnoreCase))
            .Select(e => (Name: e.Key, Url: e["Url"] ?? ""))
            .Concat((configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(u => (Name: "urls", Url: u)));

        var violations = new List<string>();
        foreach (var (name, url) in urls)
        {
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!isDevelopment)
            {
                violations.Add($"Endpoint '{name}' ({url}) serves plain HTTP outside Development; configure https with a certificate (Kestrel:Endpoints:{name}:Certificate).");
            }
            else if (!IsLoopback(url))
            {
                violations.Add($"Endpoint '{name}' ({url}) serves plain HTTP on a non-loopback address; in Development plain HTTP is allowed on loopback only.");
            }
        }

        return violations;
    }

    private static bool IsLoopback(string url)
    {
        var host = url["http://".Length..].Split('/')[0];
        host = host.StartsWith('[') ? host[1..host.IndexOf(']')] : host.Split(':')[0];
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
    }
}
