using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>
/// A trusted issuer's keys, read from its discovery document's <c>jwks_uri</c> through the egress-guarded client and
/// kept by IdentityModel's <see cref="ConfigurationManager{T}"/>, which refetches them every
/// <see cref="OidcOptions.MetadataRefreshInterval"/>.
/// </summary>
internal sealed class DiscoveryIssuerKeys(
    TrustedIssuerOptions issuer,
    bool requireHttps,
    OidcOptions options,
    IHttpClientFactory httpClients,
    TimeProvider time,
    ILogger logger) : IIssuerSigningKeys
{
    private readonly SemaphoreSlim _refreshGate = new(1, 1);
    private ConfigurationManager<OpenIdConnectConfiguration>? _manager;
    private IssuerKeySnapshot? _snapshot;
    private long _lastForcedRefreshTicks = DateTimeOffset.MinValue.UtcTicks;
    private int _refreshes;

    public async Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken)
    {
        var manager = Volatile.Read(ref _manager);
        if (manager is null)
        {
            Interlocked.CompareExchange(ref _manager, CreateManager(), null);
            manager = Volatile.Read(ref _manager)!;
        }

        var configuration = await manager.GetConfigurationAsync(cancellationToken);
        var snapshot = Volatile.Read(ref _snapshot);
        if (snapshot is null || !ReferenceEquals(snapshot.Source, configuration))
        {
            snapshot = new IssuerKeySnapshot(configuration, Accept(configuration));
            Volatile.Write(ref _snapshot, snapshot);
        }

        return snapshot.Keys;
    }

    public async Task<bool> TryRefreshAsync(CancellationToken cancellationToken)
    {
        var observed = Volatile.Read(ref _refreshes);
        if (!RefreshAllowed())
        {
            return false;
        }

        await _refreshGate.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref _refreshes) != observed)
            {
                return true; // another caller fetched while this one waited
            }

            if (!RefreshAllowed())
            {
                return false;
            }

            Volatile.Write(ref _lastForcedRefreshTicks, time.GetUtcNow().UtcTicks);

            // IdentityModel 8's RequestRefresh() fetches in the background and the next read still answers with the old
            // keys, so the token that revealed a rotation would be refused. A new manager fetches before it answers.
            var fresh = CreateManager();
            await fresh.GetConfigurationAsync(cancellationToken);
            Volatile.Write(ref _manager, fresh);
            Interlocked.Increment(ref _refreshes);
            logger.LogInformation("Fetched the signing keys of {Issuer} again: a token names a key id not seen before", issuer.Issuer);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Could not fetch the signing keys of {Issuer} again ({Error}); keeping the known keys", issuer.Issuer, ex.Message);
            return false;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private bool RefreshAllowed() =>
        time.GetUtcNow().UtcTicks - Volatile.Read(ref _lastForcedRefreshTicks) >= options.KeyRefreshMinimumInterval.Ticks;

    private IReadOnlyList<SecurityKey> Accept(OpenIdConnectConfiguration configuration)
    {
        // OpenID Connect Discovery 1.0, section 4.3: the document must name the issuer it was fetched for, or one
        // provider could publish keys that are then trusted for another.
        if (!string.Equals(configuration.Issuer, issuer.Issuer, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"The discovery document at {issuer.EffectiveMetadataAddress} names another issuer ('{configuration.Issuer}').");
        }

        // A published shared-secret key would make HMAC tokens verifiable; only public keys are used.
        return [.. configuration.SigningKeys.Where(k => k is not SymmetricSecurityKey && k is not JsonWebKey { Kty: JsonWebAlgorithmsKeyTypes.Octet })];
    }

    private ConfigurationManager<OpenIdConnectConfiguration> CreateManager()
    {
        var documents = new HttpDocumentRetriever(httpClients.CreateClient(OidcOptions.HttpClientName)) { RequireHttps = requireHttps };
        return new ConfigurationManager<OpenIdConnectConfiguration>(
            issuer.EffectiveMetadataAddress, new OpenIdConnectConfigurationRetriever(), documents)
        {
            AutomaticRefreshInterval = options.MetadataRefreshInterval,
        };
    }
}
