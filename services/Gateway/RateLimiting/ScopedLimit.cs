using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>One applicable limit of a subject: zero limits and absent identities are left out (unlimited).</summary>
internal sealed record ScopedLimit(RateLimitScope Scope, string? Id, long Limit)
{
    public static List<ScopedLimit> Requests(RateLimitSubject subject, RateLimits limits) =>
        Applicable(subject, limits.ApiKeyRequestsPerMinute, limits.UserRequestsPerMinute, limits.TenantRequestsPerMinute);

    public static List<ScopedLimit> Tokens(RateLimitSubject subject, RateLimits limits) =>
        Applicable(subject, limits.ApiKeyTokensPerDay, limits.UserTokensPerDay, limits.TenantTokensPerDay);

    private static List<ScopedLimit> Applicable(RateLimitSubject subject, long apiKey, long user, long tenant)
    {
        List<ScopedLimit> applicable = new(3);
        if (apiKey > 0 && subject.ApiKeyId is { } keyId)
        {
            applicable.Add(new(RateLimitScope.ApiKey, keyId, apiKey));
        }

        if (user > 0 && subject.UserId is { } userId)
        {
            applicable.Add(new(RateLimitScope.User, userId, user));
        }

        if (tenant > 0)
        {
            applicable.Add(new(RateLimitScope.Tenant, null, tenant));
        }

        return applicable;
    }
}
