namespace SecureRag.Gateway.Security;

/// <summary>
/// Limits that apply to a caller, resolved by Auth from the app's settings and the tenant's plan.
/// Zero means unlimited.
/// </summary>
public sealed record RateLimits(
    int ApiKeyRequestsPerMinute,
    int UserRequestsPerMinute,
    int TenantRequestsPerMinute,
    long ApiKeyTokensPerDay,
    long UserTokensPerDay,
    long TenantTokensPerDay);
