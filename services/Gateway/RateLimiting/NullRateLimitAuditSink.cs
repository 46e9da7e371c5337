namespace SecureRag.Gateway.RateLimiting;

/// <summary>The sink until the Gateway registers its own.</summary>
internal sealed class NullRateLimitAuditSink : IRateLimitAuditSink
{
    public ValueTask RateLimitHitAsync(RateLimitHit hit, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
