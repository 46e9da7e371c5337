using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace SecureRag.Gateway.Security;

/// <summary>
/// Remembers Auth's answers briefly, keyed by a digest of the credential (never the credential itself). Concurrent
/// requests with the same credential share one call to Auth. A change to a tenant's principals evicts all of its
/// entries (see PrincipalsChangedConsumer), so revocation does not wait for expiry. An entry in use is renewed in the
/// background before it expires (see <see cref="CachedAuthentication.Create"/>), at a bounded rate (see
/// <see cref="RenewalBudget"/>) unless it is close to expiry, so a busy credential never waits for Auth once it is cached.
/// </summary>
public sealed class PrincipalCache(IOptions<GatewayOptions> options, TimeProvider time, ILogger<PrincipalCache> logger)
{
    private readonly RenewalBudget _renewals = new(options.Value.PrincipalRenewalsPerSecond, time);
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedAuthentication>>> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> _renewing = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;
    private long _renewed;

    /// <summary>Answers from the cache, calls to Auth a request waited for, and background renewals.</summary>
    public (long Hits, long Misses, long Renewals) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), Interlocked.Read(ref _renewed));

    public static string KeyOf(string credential, string? userToken) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(userToken is null ? credential : $"{credential}\n{userToken}")));

    public async Task<CachedAuthentication> GetOrAuthenticateAsync(string key, Func<Task<CachedAuthentication>> authenticate)
    {
        while (true)
        {
            var created = false;
            var entry = _entries.GetOrAdd(key, _ =>
            {
                created = true;
                return new Lazy<Task<CachedAuthentication>>(authenticate);
            });
            CachedAuthentication result;
            try
            {
                result = await entry.Value;
            }
            catch
            {
                _entries.TryRemove(new KeyValuePair<string, Lazy<Task<CachedAuthentication>>>(key, entry));
                throw;
            }

            if (result.CacheUntil > time.GetUtcNow())
            {
                Interlocked.Increment(ref created ? ref _misses : ref _hits);
                TrimIfFull();
                return result;
            }

            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<CachedAuthentication>>>(key, entry));
        }
    }

    /// <param name="authenticate">Asks Auth again, when the entry is due for renewal.</param>
    public bool TryGetFresh(string key, Func<Task<CachedAuthentication>> authenticate, out CachedAuthentication authentication)
    {
        var now = time.GetUtcNow();
        if (_entries.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            && entry.Value.Result.CacheUntil > now)
        {
            Interlocked.Increment(ref _hits);
            authentication = entry.Value.Result;
            if (now >= authentication.RenewFrom && !_renewing.ContainsKey(key)
                && (_renewals.TryTake() || authentication.IsNearExpiry(now)) && _renewing.TryAdd(key, 0))
            {
                Interlocked.Increment(ref _renewed);
                _ = RenewAsync(key, entry, authenticate);
            }

            return true;
        }

        authentication = null!;
        return false;
    }

    /// <summary>
    /// Replaces the entry with a fresh answer, unless it was evicted meanwhile (the answer may predate the change that
    /// evicted it). A refusal evicts it, so the next request asks Auth and is refused; an unreachable Auth leaves it
    /// to expire.
    /// </summary>
    private async Task RenewAsync(string key, Lazy<Task<CachedAuthentication>> current, Func<Task<CachedAuthentication>> authenticate)
    {
        try
        {
            var answer = Task.FromResult(await authenticate());
            var renewed = new Lazy<Task<CachedAuthentication>>(() => answer);
            _ = renewed.Value;
            _entries.TryUpdate(key, renewed, current);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.Unauthenticated or StatusCode.InvalidArgument)
        {
            _entries.TryRemove(new KeyValuePair<string, Lazy<Task<CachedAuthentication>>>(key, current));
        }
        catch (Exception ex)
        {
            logger.LogWarning("Renewing a cached authentication failed; it stays until it expires: {Error}", ex.Message);
        }
        finally
        {
            _renewing.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets every answer about a tenant's principals.</summary>
    public void EvictTenant(string tenantId)
    {
        foreach (var (key, entry) in _entries)
        {
            if (!entry.IsValueCreated || !entry.Value.IsCompletedSuccessfully || entry.Value.Result.Caller.Principal.TenantId == tenantId)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }

    private void TrimIfFull()
    {
        if (_entries.Count <= options.Value.PrincipalCacheSize)
        {
            return;
        }

        foreach (var key in _entries.Keys.Take(_entries.Count / 2))
        {
            _entries.TryRemove(key, out _);
        }
    }
}
