namespace SecureRag.Gateway.RateLimiting;

/// <summary>Per-minute request limits of the API key, the user and the tenant, checked and counted together.</summary>
public interface IRateLimiter
{
    /// <summary>
    /// Admits the request only if every applicable limit has room, and only then counts it against all of them:
    /// a refused request consumes nothing.
    /// </summary>
    ValueTask<RateLimitDecision> AcquireAsync(RateLimitSubject subject, CancellationToken cancellationToken);
}
