namespace SecureRag.Gateway.RateLimiting;

/// <summary>One limit's state after a check: how much of <paramref name="Limit"/> the window has used.</summary>
public sealed record RateLimitCounter(RateLimitScope Scope, long Limit, long Used)
{
    public long Remaining => Math.Max(0, Limit - Used);
}
