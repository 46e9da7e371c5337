using System.Net;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>A fixed one-minute failure counter per normalised client address in Redis.</summary>
public sealed class RedisAuthFailureLimiter : IAuthFailureLimiter
{
    private const int WindowSeconds = 60;

    private const string RecordScript = """
        local failures = redis.call('INCR', KEYS[1])
        if failures == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
        return failures
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly RateLimitKeys _keys;
    private readonly int _threshold;
    private readonly RateLimitMetrics _metrics;
    private readonly RedisScript _record;

    public RedisAuthFailureLimiter(
        IConnectionMultiplexer redis, IOptions<RateLimitingOptions> options, TimeProvider time, RateLimitMetrics metrics)
    {
        _redis = redis;
        _time = time;
        _keys = new RateLimitKeys(options.Value.KeyPrefix);
        _threshold = options.Value.AuthFailuresPerMinute;
        _metrics = metrics;
        _record = new RedisScript(RecordScript, metrics);
    }

    public async ValueTask<AuthFailureStatus> RecordFailureAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var (key, normalized, retryAfter) = Locate(address);
        cancellationToken.ThrowIfCancellationRequested();
        var failures = (long)await _record.EvaluateAsync(_redis.GetDatabase(), [key], [WindowSeconds * 2]);
        return Status(normalized, failures, retryAfter);
    }

    public async ValueTask<AuthFailureStatus> IsBlockedAsync(IPAddress address, CancellationToken cancellationToken)
    {
        var (key, normalized, retryAfter) = Locate(address);
        if (_threshold == 0)
        {
            return Status(normalized, 0, retryAfter);
        }

        cancellationToken.ThrowIfCancellationRequested();
        _metrics.RedisCommandSent();
        var failures = (long?)await _redis.GetDatabase().StringGetAsync(key) ?? 0;
        return Status(normalized, failures, retryAfter);
    }

    private (RedisKey Key, string Normalized, TimeSpan RetryAfter) Locate(IPAddress address)
    {
        var normalized = ClientAddress.Normalize(address);
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / 1000 / WindowSeconds;
        var retryAfter = TimeSpan.FromMilliseconds(((minute + 1) * WindowSeconds * 1000) - now);
        return (_keys.AuthFailures(normalized, minute), normalized, retryAfter);
    }

    private AuthFailureStatus Status(string address, long failures, TimeSpan retryAfter) =>
        new(address, failures, _threshold > 0 && failures >= _threshold, retryAfter);
}
