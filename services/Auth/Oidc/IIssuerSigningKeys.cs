using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>The keys one trusted issuer signs with.</summary>
internal interface IIssuerSigningKeys
{
    /// <summary>The keys currently known; fetched on first use. Throws when they cannot be obtained at all.</summary>
    Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Fetches the keys again now, unless that happened too recently (rate limited).
    /// </summary>
    /// <returns>Whether the keys may have changed since the caller last read them.</returns>
    Task<bool> TryRefreshAsync(CancellationToken cancellationToken);
}
