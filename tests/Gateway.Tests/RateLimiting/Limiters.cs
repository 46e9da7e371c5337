using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;
using StackExchange.Redis;

namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>Builds the Redis-backed limiters the way DI does, one set per connection (per Gateway replica).</summary>
internal static class Limiters
{
    public static RateLimitMetrics Metrics() => new(new Meter("SecureRag.Gateway.Tests"));

    public static RedisRateLimiter Requests(IConnectionMultiplexer redis, TimeProvider time, RateLimitMetrics? metrics = null, RateLimitingOptions? options = null) =>
        new(redis, Options.Create(options ?? new RateLimitingOptions()), time, metrics ?? Metrics());

    public static RedisTokenQuota Tokens(IConnectionMultiplexer redis, TimeProvider time, RateLimitingOptions? options = null) =>
        new(redis, Options.Create(options ?? new RateLimitingOptions()), time, Metrics());

    public static RedisAuthFailureLimiter AuthFailures(IConnectionMultiplexer redis, TimeProvider time, int threshold) =>
        new(redis, Options.Create(new RateLimitingOptions { AuthFailuresPerMinute = threshold }), time, Metrics());

    /// <summary>A subject in a tenant of its own, so tests never share counters.</summary>
    public static RateLimitSubject Subject(
        int keyRpm = 0, int userRpm = 0, int tenantRpm = 0, long keyTokens = 0, long userTokens = 0, long tenantTokens = 0,
        string? tenantId = null, string apiKeyId = "key-1", string? userId = "user-1") =>
        new(
            tenantId ?? Guid.NewGuid().ToString("N"),
            apiKeyId,
            userId,
            new RateLimits(keyRpm, userRpm, tenantRpm, keyTokens, userTokens, tenantTokens));
}
