using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>Readiness: without Redis the Gateway cannot enforce limits (it answers 503 unless failing open).</summary>
internal sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis (cache) is not reachable.", ex);
        }
    }
}
