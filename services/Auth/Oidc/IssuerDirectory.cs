using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SecureRag.Auth.Oidc;

/// <summary>The issuers whose tokens may be accepted, each with its key source; fixed at start.</summary>
internal sealed class IssuerDirectory : ITrustedIssuers
{
    private readonly FrozenDictionary<string, IIssuerSigningKeys> _trusted;
    private readonly DevelopmentIdentityProvider? _development;

    /// <param name="development">Registered only in Development: Auth's own provider, whose key is in memory.</param>
    public IssuerDirectory(
        IOptions<OidcOptions> options,
        IHostEnvironment environment,
        IHttpClientFactory httpClients,
        TimeProvider time,
        ILogger<IssuerDirectory> logger,
        DevelopmentIdentityProvider? development = null)
    {
        _trusted = options.Value.TrustedIssuers.ToFrozenDictionary(
            i => i.Issuer,
            i => (IIssuerSigningKeys)new DiscoveryIssuerKeys(
                i, RequireHttps(i, environment), options.Value, httpClients, time, logger),
            StringComparer.Ordinal);
        _development = development;
    }

    public bool TryGet(string issuer, [NotNullWhen(true)] out IIssuerSigningKeys? keys)
    {
        if (_trusted.TryGetValue(issuer, out keys))
        {
            return true;
        }

        keys = _development is not null && _development.HasIssued(issuer) ? _development : null;
        return keys is not null;
    }

    public bool IsTrusted(string issuer) => TryGet(issuer, out _);

    private static bool RequireHttps(TrustedIssuerOptions issuer, IHostEnvironment environment) =>
        !(Uri.TryCreate(issuer.EffectiveMetadataAddress, UriKind.Absolute, out var address)
            && OidcOptionsValidator.MayUseHttp(address, environment));
}
