using System.Diagnostics.Metrics;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Counts Redis commands and rate-limit decisions on the service's meter, and keeps process totals so a benchmark
/// can print Redis commands per request.
/// </summary>
public sealed class RateLimitMetrics
{
    private readonly Counter<long> _commands;
    private readonly Counter<long> _requests;
    private long _commandTotal;
    private long _requestTotal;

    public RateLimitMetrics(Meter meter)
    {
        _commands = meter.CreateCounter<long>(
            "securerag.gateway.rate_limit.redis_commands", "{command}", "Redis commands sent for rate limits and quotas.");
        _requests = meter.CreateCounter<long>(
            "securerag.gateway.rate_limit.requests", "{request}", "Requests checked against rate limits, by outcome.");
    }

    /// <summary>Redis commands sent by this process for limits and quotas (a script call is one command).</summary>
    public long RedisCommands => Interlocked.Read(ref _commandTotal);

    /// <summary>Requests checked by the rate-limiting middleware in this process.</summary>
    public long Requests => Interlocked.Read(ref _requestTotal);

    public double RedisCommandsPerRequest => Requests == 0 ? 0 : (double)RedisCommands / Requests;

    internal void RedisCommandSent()
    {
        Interlocked.Increment(ref _commandTotal);
        _commands.Add(1);
    }

    internal void RequestChecked(bool admitted)
    {
        Interlocked.Increment(ref _requestTotal);
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", admitted ? "admitted" : "refused"));
    }
}
