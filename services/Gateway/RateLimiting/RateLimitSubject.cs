using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>The API key, user and tenant a request counts against, with the limits Auth resolved for them.</summary>
/// <param name="Limits">Null when Auth supplied none: the default plan of <see cref="RateLimitingOptions"/> applies.</param>
public sealed record RateLimitSubject(string TenantId, string? ApiKeyId, string? UserId, RateLimits? Limits)
{
    public static RateLimitSubject From(GatewayCaller caller) => new(
        caller.Principal.TenantId,
        caller.ApiKeyId ?? (caller.Principal.Kind == PrincipalKind.ApiKey ? caller.Principal.PrincipalId : null),
        caller.UserId ?? (caller.Principal.Kind == PrincipalKind.User ? caller.Principal.PrincipalId : null),
        caller.Limits);
}
