namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Told of every rate-limit hit, so the Gateway can raise an audit event. Failures are logged, never turned into the
/// response: the request has already been refused.
/// </summary>
public interface IRateLimitAuditSink
{
    ValueTask RateLimitHitAsync(RateLimitHit hit, CancellationToken cancellationToken);
}
