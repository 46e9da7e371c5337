using Microsoft.IdentityModel.Tokens;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Assertions;

/// <summary>Auth verifies assertions addressed to itself with its own key ring, not over HTTP.</summary>
public sealed class LocalAssertionKeySource(SigningKeyStore keys) : IAssertionKeySource
{
    public async ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        [.. (await keys.GetPublishedKeysAsync(cancellationToken)).Select(k => (SecurityKey)k.PublicKey)];
}
