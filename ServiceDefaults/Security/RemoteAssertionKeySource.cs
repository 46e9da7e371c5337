using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Auth's published key set, fetched over HTTP through service discovery and kept for a few minutes. A refresh for an
/// unknown key id happens at most every few seconds, so forged key ids cannot make a service hammer Auth.
/// </summary>
public sealed class RemoteAssertionKeySource(IHttpClientFactory httpClients, TimeProvider time, ILogger<RemoteAssertionKeySource> logger) : IAssertionKeySource
{
    /// <summary>The named HTTP client whose base address is Auth.</summary>
    public const string HttpClientName = "assertion-keys";

    /// <summary>Where Auth publishes its assertion keys, relative to its HTTP endpoint.</summary>
    public const string KeySetPath = "/.well-known/assertion-keys";

    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MinRefreshInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<SecurityKey> _keys = [];
    private DateTimeOffset _fetchedAt = DateTimeOffset.MinValue;

    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        var age = time.GetUtcNow() - _fetchedAt;
        if (age < MaxAge && (!refresh || age < MinRefreshInterval))
        {
            return _keys;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            age = time.GetUtcNow() - _fetchedAt;
            if (age < MaxAge && (!refresh || age < MinRefreshInterval))
            {
                return _keys;
            }

            var json = await httpClients.CreateClient(HttpClientName).GetStringAsync(KeySetPath, cancellationToken);
            _keys = [.. new JsonWebKeySet(json).GetSigningKeys()];
            _fetchedAt = time.GetUtcNow();
            return _keys;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && _keys.Count > 0)
        {
            logger.LogWarning("Could not refresh Auth's assertion keys ({Reason}); keeping the {Count} known", ex.Message, _keys.Count);
            return _keys;
        }
        finally
        {
            _gate.Release();
        }
    }
}
