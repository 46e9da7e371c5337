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

    // KEYS[i]: the counter of limit i in this window. ARGV[1]: counter TTL (s); ARGV[i + 1]: limit i.
    // Returns {admitted, used 1, ..., used n}; counts only when every limit has room.
    private const string Script = """
        local used = {}
        local admitted = 1
        for i = 1, #KEYS do
          used[i] = tonumber(redis.call('GET', KEYS[i]) or '0')
          if used[i] >= tonumber(ARGV[i + 1]) then admitted = 0 end
        end
        if admitted == 1 then
          for i = 1, #KEYS do
            used[i] = redis.call('INCR', KEYS[i])
            if used[i] == 1 then redis.call('EXPIRE', KEYS[i], ARGV[1]) end
          end
        end
        table.insert(used, 1, admitted)
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
        _defaults = options.Value.DefaultLimits;
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
        var db = _redis.GetDatabase();
        var current = new long[keys.Length];
        var ok = true;
        for (var i = 0; i < keys.Length; i++) { current[i] = (long?)await db.StringGetAsync(keys[i]) ?? 0; ok &= current[i] < (long)args[i + 1]; }
        if (ok) { for (var i = 0; i < keys.Length; i++) { current[i] = await db.StringIncrementAsync(keys[i]); } }
        var result = new RedisResult[keys.Length + 1];
        result[0] = RedisResult.Create(ok ? 1 : 0);
        for (var i = 0; i < keys.Length; i++) { result[i + 1] = RedisResult.Create(current[i]); }
        var counters = new RateLimitCounter[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            counters[i] = new RateLimitCounter(limits[i].Scope, limits[i].Limit, (long)result[i + 1]);
        }

        var reset = TimeSpan.FromMilliseconds(((minute + 1) * WindowSeconds * 1000) - now);
        return new RateLimitDecision((int)result[0] == 1, counters, reset);
    }
}
