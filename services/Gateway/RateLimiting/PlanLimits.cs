using System.ComponentModel.DataAnnotations;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>The limits of one plan, applied when Auth supplies none for a caller. Zero means unlimited.</summary>
public sealed class PlanLimits
{
    [Range(0, int.MaxValue)]
    public int ApiKeyRequestsPerMinute { get; set; }

    [Range(0, int.MaxValue)]
    public int UserRequestsPerMinute { get; set; }

    [Range(0, int.MaxValue)]
    public int TenantRequestsPerMinute { get; set; }

    [Range(0, long.MaxValue)]
    public long ApiKeyTokensPerDay { get; set; }

    [Range(0, long.MaxValue)]
    public long UserTokensPerDay { get; set; }

    [Range(0, long.MaxValue)]
    public long TenantTokensPerDay { get; set; }

    public RateLimits ToRateLimits() => new(
        ApiKeyRequestsPerMinute,
        UserRequestsPerMinute,
        TenantRequestsPerMinute,
        ApiKeyTokensPerDay,
        UserTokensPerDay,
        TenantTokensPerDay);
}
