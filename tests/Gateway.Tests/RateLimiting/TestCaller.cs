using System.Globalization;
using Microsoft.AspNetCore.Http;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>
/// Stands in for the Gateway's authentication: the caller comes from test headers, limits as
/// <c>key-rpm,user-rpm,tenant-rpm,key-tokens,user-tokens,tenant-tokens</c>.
/// </summary>
internal static class TestCaller
{
    public const string TenantHeader = "X-Test-Tenant";
    public const string KeyHeader = "X-Test-Key";
    public const string LimitsHeader = "X-Test-Limits";

    public static GatewayCaller? From(HttpRequest request)
    {
        if (request.Headers[TenantHeader].ToString() is not { Length: > 0 } tenant)
        {
            return null;
        }

        var key = request.Headers[KeyHeader].ToString();
        var l = request.Headers[LimitsHeader].ToString().Split(',').Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return new GatewayCaller(
            new CallerPrincipal(tenant, key, PrincipalKind.ApiKey, [], [], null, ["query"]),
            key,
            null,
            new RateLimits((int)l[0], (int)l[1], (int)l[2], l[3], l[4], l[5]),
            new Dictionary<string, string>());
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string tenant, string limits, string key = "key-1")
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add(TenantHeader, tenant);
        request.Headers.Add(KeyHeader, key);
        request.Headers.Add(LimitsHeader, limits);
        return request;
    }
}
