using Microsoft.Extensions.Options;
using SecureRag.Gateway.Security;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Fixed one-minute windows in Redis, one counter per subject and minute, checked and incremented by one script so
/// the limit is exact across Gateway replicas. The window number comes from the replica's clock; replicas are
/// NTP-synchronised, and a skew only shifts which window a request near the boundary counts in.
/// </summary>
public sealed class RedisRateLimiter : IRateLimiter
{
    public const int WindowSeconds = 60;

    // KEYS[i]: the hash of limit i in this window (n: admitted, r: refused). ARGV[1]: TTL (s); ARGV[i + 1]: limit i.
    // Admits only if every limit has room, and only then counts against all of them; a refusal counts only as a
    // refusal of the first full limit. Returns {admitted, refusals, used 1, ..., used n}.
    private const string Script = """
        local used = {}
        local refusing = 0
        for i = 1, #KEYS do
          used[i] = tonumber(redis.call('HGET', KEYS[i], 'n') or '0')
          if refusing == 0 and used[i] >= tonumber(ARGV[i + 1]) then refusing = i end
        end
        local refusals = 0
        if refusing == 0 then
          for i = 1, #KEYS do
            used[i] = redis.call('HINCRBY', KEYS[i], 'n', 1)
            if used[i] == 1 then redis.call('EXPIRE', KEYS[i], ARGV[1]) end
          end
        else
          refusals = redis.call('HINCRBY', KEYS[refusing], 'r', 1)
        end
        table.insert(used, 1, refusals)
        table.insert(used, 1, refusing == 0 and 1 or 0)
        return used
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly RateLimitKeys _keys;
    private readonly RateLimits _defaults;
    private readonly RedisScript _script;

    public RedisRateLimiter(
        IConnectionMultiplexer redis, IOptions<RateLimitingOptions> options, TimeProvider time, RateLimitMetrics metrics)
    {
        _redis = redis;
        _time = time;
        _keys = new RateLimitKeys(options.Value.KeyPrefix);
        _defaults = options.Value.GetDefaultLimits();
        _script = new RedisScript(Script, metrics);
    }

    public async ValueTask<RateLimitDecision> AcquireAsync(RateLimitSubject subject, CancellationToken cancellationToken)
    {
        var limits = ScopedLimit.Requests(subject, subject.Limits ?? _defaults);
        if (limits.Count == 0)
        {
            return RateLimitDecision.Unlimited;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        var minute = now / 1000 / WindowSeconds;
        var keys = new RedisKey[limits.Count];
        var args = new RedisValue[limits.Count + 1];
        args[0] = WindowSeconds * 2; // the window plus room for clock skew between replicas
        for (var i = 0; i < limits.Count; i++)
        {
            keys[i] = _keys.Requests(subject.TenantId, limits[i], minute);
            args[i + 1] = limits[i].Limit;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = (RedisResult[])(await _script.EvaluateAsync(_redis.GetDatabase(), keys, args))!;
        var counters = new RateLimitCounter[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            counters[i] = new RateLimitCounter(limits[i].Scope, limits[i].Limit, (long)result[i + 2]);
        }

        var reset = TimeSpan.FromMilliseconds(((minute + 1) * WindowSeconds * 1000) - now);
        return new RateLimitDecision((int)result[0] == 1, counters, reset) { Refusals = (long)result[1] };
    }
}
