namespace SecureRag.Gateway.Benchmarking;

/// <summary>Process totals since the Gateway started.</summary>
/// <param name="RedisCommands">Commands sent to Redis for rate limits and quotas.</param>
/// <param name="RateLimitChecks">Requests checked against rate limits.</param>
/// <param name="AuthCacheHits">Authentications answered from the cache.</param>
/// <param name="AuthCacheMisses">Authentications that asked Auth.</param>
/// <param name="AuthRenewals">Cached authentications renewed in the background.</param>
public sealed record BenchmarkStats(long RedisCommands, long RateLimitChecks, long AuthCacheHits, long AuthCacheMisses, long AuthRenewals);
