namespace SecureRag.Gateway.Security;

/// <param name="AllowedAddresses">The key's address allow-list, checked on every request, cached or not.</param>
/// <param name="CacheUntil">When the answer must no longer be used.</param>
/// <param name="RenewFrom">When to start asking Auth again in the background while still using the answer.</param>
public sealed record CachedAuthentication(GatewayCaller Caller, IReadOnlyList<string> AllowedAddresses, DateTimeOffset CacheUntil, DateTimeOffset RenewFrom)
{
    /// <summary>
    /// An answer given at <paramref name="now"/>, due for renewal at a random point between half and three quarters of
    /// its life, so credentials first used together (after a deployment, say) are not all renewed at the same moment.
    /// </summary>
    public static CachedAuthentication Create(GatewayCaller caller, IReadOnlyList<string> allowedAddresses, DateTimeOffset cacheUntil, DateTimeOffset now) =>
        new(caller, allowedAddresses, cacheUntil, cacheUntil <= now ? cacheUntil : now + ((cacheUntil - now) * (0.5 + (0.25 * Random.Shared.NextDouble()))));

    /// <summary>
    /// In the last fifth of the renewal window: renewed then whatever the renewal budget, since letting the answer
    /// expire would make the next request wait for Auth.
    /// </summary>
    public bool IsNearExpiry(DateTimeOffset now) => CacheUntil - now <= (CacheUntil - RenewFrom) / 5;
}
