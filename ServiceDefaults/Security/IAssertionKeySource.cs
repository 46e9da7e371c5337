using Microsoft.IdentityModel.Tokens;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>The public keys assertions may be signed with (Auth's published key set).</summary>
public interface IAssertionKeySource
{
    /// <param name="refresh">Fetch again: a token named a key id that is not known yet (keys rotate).</param>
    ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken);
}
