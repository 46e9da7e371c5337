using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SecureRag.Gateway.Security;

/// <summary>
/// Remembers Auth's answers briefly, keyed by a digest of the credential (never the credential itself). Concurrent
/// requests with the same credential share one call to Auth. A change to a tenant's principals evicts all of its
/// entries (see PrincipalsChangedConsumer), so revocation does not wait for expiry.
/// </summary>
public sealed class PrincipalCache(IOptions<GatewayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Lazy<Task<CachedAuthentication>>> _entries = new(StringComparer.Ordinal);
    private long _hits;
    private long _misses;

    public (long Hits, long Misses) Statistics => (Interlocked.Read(ref _hits), Interlocked.Read(ref _misses));

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

    public bool TryGetFresh(string key, out CachedAuthentication authentication)
    {
        if (_entries.TryGetValue(key, out var entry) && entry.IsValueCreated && entry.Value.IsCompletedSuccessfully
            && entry.Value.Result.CacheUntil > time.GetUtcNow())
        {
            Interlocked.Increment(ref _hits);
            authentication = entry.Value.Result;
            return true;
        }

        authentication = null!;
        return false;
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
