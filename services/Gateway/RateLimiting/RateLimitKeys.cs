using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Redis key names. Every key of a tenant carries the tenant as hash tag (<c>rl:{tenant}:...</c>), so the keys one
/// script touches (API key, user, tenant) share a cluster slot. Windows are numbered from the Unix epoch (UTC).
/// </summary>
internal sealed class RateLimitKeys(string prefix)
{
    public RedisKey Requests(string tenantId, ScopedLimit limit, long minute) => Key(tenantId, "rpm", limit, minute);

    public RedisKey TokenUsage(string tenantId, ScopedLimit limit, long day) => Key(tenantId, "tpd", limit, day);

    public RedisKey TokenReservations(string tenantId, ScopedLimit limit, long day) => Key(tenantId, "tpr", limit, day);

    public RedisKey AuthFailures(string normalizedAddress, long minute) => $"{prefix}:af:{normalizedAddress}:{minute}";

    private RedisKey Key(string tenantId, string kind, ScopedLimit limit, long window)
    {
        // A brace in the tenant would move the hash tag and scatter one request's keys over slots.
        if (tenantId.AsSpan().IndexOfAny('{', '}') >= 0)
        {
            throw new ArgumentException("A tenant id must not contain braces.", nameof(tenantId));
        }

        return limit.Id is null
            ? $"{prefix}:{{{tenantId}}}:{kind}:{Code(limit.Scope)}:{window}"
            : $"{prefix}:{{{tenantId}}}:{kind}:{Code(limit.Scope)}:{limit.Id}:{window}";
    }

    private static char Code(RateLimitScope scope) => scope switch
    {
        RateLimitScope.ApiKey => 'k',
        RateLimitScope.User => 'u',
        _ => 't',
    };
}
