namespace SecureRag.Gateway.RateLimiting;

/// <summary>One daily quota today: tokens settled as used, and tokens held by requests still running.</summary>
public sealed record QuotaUsage(RateLimitScope Scope, long Limit, long Used, long Reserved)
{
    public long Remaining => Math.Max(0, Limit - Used - Reserved);
}
