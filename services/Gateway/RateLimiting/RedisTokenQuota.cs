using Microsoft.Extensions.Options;
using SecureRag.Gateway.Security;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Daily token quotas in Redis. Per subject and UTC day a hash holds <c>used</c> and <c>reserved</c> tokens, and a
/// sorted set holds the open reservations (<c>id:tokens</c>, scored by expiry) so a lapsed one can be given back by
/// the next reservation without anyone having to remember it. Reserve and settle are one script call each.
/// </summary>
public sealed class RedisTokenQuota : ITokenQuota
{
    private const long DayMilliseconds = 86_400_000;
    private const int KeyTtlSeconds = 2 * 86_400; // the day, plus reservations settled after midnight

    // KEYS: (usage hash, reservation set) per quota. ARGV: now (ms), expiry (ms), member, tokens, key TTL, limits...
    // Returns {granted, committed 1, ..., committed n}: tokens used or held, this reservation included when granted.
    private const string ReserveScript = """
        local now, tokens, n = tonumber(ARGV[1]), tonumber(ARGV[4]), #KEYS / 2
        local committed = {}
        for i = 1, n do
          local usage, held = KEYS[2 * i - 1], KEYS[2 * i]
          local lapsed = redis.call('ZRANGEBYSCORE', held, '-inf', now)
          if #lapsed > 0 then
            local released = 0
            for _, member in ipairs(lapsed) do released = released + tonumber(string.match(member, ':(%d+)$')) end
            redis.call('ZREMRANGEBYSCORE', held, '-inf', now)
            redis.call('HINCRBY', usage, 'reserved', -released)
          end
          local v = redis.call('HMGET', usage, 'used', 'reserved')
          committed[i] = (tonumber(v[1]) or 0) + (tonumber(v[2]) or 0)
        end
        local granted = 1
        for i = 1, n do
          if committed[i] + tokens > tonumber(ARGV[5 + i]) then granted = 0 end
        end
        if granted == 1 then
          for i = 1, n do
            local usage, held = KEYS[2 * i - 1], KEYS[2 * i]
            redis.call('HINCRBY', usage, 'reserved', tokens)
            redis.call('ZADD', held, ARGV[2], ARGV[3])
            redis.call('EXPIRE', usage, ARGV[5])
            redis.call('EXPIRE', held, ARGV[5])
            committed[i] = committed[i] + tokens
          end
        end
        table.insert(committed, 1, granted)
        return committed
        """;

    // KEYS: as above. ARGV: member, reserved tokens, actual tokens, key TTL. A hold that already lapsed was released
    // by a later reservation; the actual usage still counts, the tokens were spent.
    private const string SettleScript = """
        for i = 1, #KEYS / 2 do
          local usage, held = KEYS[2 * i - 1], KEYS[2 * i]
          if redis.call('ZREM', held, ARGV[1]) == 1 then
            redis.call('HINCRBY', usage, 'reserved', -tonumber(ARGV[2]))
          end
          redis.call('HINCRBY', usage, 'used', ARGV[3])
          redis.call('EXPIRE', usage, ARGV[4])
        end
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly TimeProvider _time;
    private readonly RateLimitKeys _keys;
    private readonly RateLimits _defaults;
    private readonly TimeSpan _reservationTimeout;
    private readonly RedisScript _reserve;
    private readonly RedisScript _settle;

    public RedisTokenQuota(
        IConnectionMultiplexer redis, IOptions<RateLimitingOptions> options, TimeProvider time, RateLimitMetrics metrics)
    {
        _redis = redis;
        _time = time;
        _keys = new RateLimitKeys(options.Value.KeyPrefix);
        _defaults = options.Value.GetDefaultLimits();
        _reservationTimeout = options.Value.ReservationTimeout;
        _reserve = new RedisScript(ReserveScript, metrics);
        _settle = new RedisScript(SettleScript, metrics);
    }

    public async ValueTask<QuotaDecision> ReserveAsync(
        RateLimitSubject subject, long maxTokens, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTokens);
        var now = _time.GetUtcNow();
        var nowMs = now.ToUnixTimeMilliseconds();
        var day = nowMs / DayMilliseconds;
        var reset = TimeSpan.FromMilliseconds(((day + 1) * DayMilliseconds) - nowMs);
        var limits = ScopedLimit.Tokens(subject, subject.Limits ?? _defaults);
        var expiresAt = now + _reservationTimeout;
        var keys = new RedisKey[limits.Count * 2];
        for (var i = 0; i < limits.Count; i++)
        {
            keys[2 * i] = _keys.TokenUsage(subject.TenantId, limits[i], day);
            keys[(2 * i) + 1] = _keys.TokenReservations(subject.TenantId, limits[i], day);
        }

        var reservation = new QuotaReservation(Guid.NewGuid().ToString("N"), maxTokens, expiresAt, keys);
        if (limits.Count == 0)
        {
            return new QuotaDecision(reservation, [], null, reset);
        }

        var args = new RedisValue[5 + limits.Count];
        args[0] = nowMs;
        args[1] = expiresAt.ToUnixTimeMilliseconds();
        args[2] = reservation.Member;
        args[3] = maxTokens;
        args[4] = KeyTtlSeconds;
        for (var i = 0; i < limits.Count; i++)
        {
            args[5 + i] = limits[i].Limit;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var result = (RedisResult[])(await _reserve.EvaluateAsync(_redis.GetDatabase(), keys, args))!;
        var granted = (int)result[0] == 1;
        var counters = new RateLimitCounter[limits.Count];
        RateLimitCounter? exhausted = null;
        for (var i = 0; i < limits.Count; i++)
        {
            counters[i] = new RateLimitCounter(limits[i].Scope, limits[i].Limit, (long)result[i + 1]);
            if (!granted && exhausted is null && counters[i].Used + maxTokens > counters[i].Limit)
            {
                exhausted = counters[i];
            }
        }

        return new QuotaDecision(granted ? reservation : null, counters, exhausted, reset);
    }

    public async ValueTask<IReadOnlyList<QuotaUsage>> GetUsageAsync(RateLimitSubject subject, CancellationToken cancellationToken)
    {
        var day = _time.GetUtcNow().ToUnixTimeMilliseconds() / DayMilliseconds;
        var limits = ScopedLimit.Tokens(subject, subject.Limits ?? _defaults);
        var database = _redis.GetDatabase();
        var usage = new QuotaUsage[limits.Count];
        for (var i = 0; i < limits.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var values = await database.HashGetAsync(_keys.TokenUsage(subject.TenantId, limits[i], day), ["used", "reserved"]);
            usage[i] = new QuotaUsage(limits[i].Scope, limits[i].Limit, (long?)values[0] ?? 0, (long?)values[1] ?? 0);
        }

        return usage;
    }

    public async ValueTask SettleAsync(QuotaReservation reservation, long actualTokens, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(actualTokens);
        if (reservation.Keys.Length == 0 || !reservation.TryMarkSettled())
        {
            return;
        }

        // Not cancelled with the request: the tokens were spent either way, and settling is one short script.
        try
        {
            await _settle.EvaluateAsync(
                _redis.GetDatabase(),
                reservation.Keys,
                [reservation.Member, reservation.Tokens, actualTokens, KeyTtlSeconds]);
        }
        catch
        {
            reservation.UnmarkSettled();
            throw;
        }
    }
}
