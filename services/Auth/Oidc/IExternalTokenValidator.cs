namespace SecureRag.Auth.Oidc;

/// <summary>Verifies a token from an external identity provider that the operator trusts.</summary>
public interface IExternalTokenValidator
{
    /// <param name="groupsClaim">Resolves the claim naming groups for an (issuer, audience) binding; null when no
    /// tenant binds that pair. It is called once for each audience the token names (at most five), before any key is
    /// fetched; exactly one of them must be bound, else the token is refused. The identity's
    /// <see cref="ExternalIdentity.Audience"/> names the bound one.</param>
    /// <returns>The identity, or null with a reason safe to log (never the token).</returns>
    Task<(ExternalIdentity? Identity, string? Error)> ValidateAsync(
        string token,
        Func<string, string, CancellationToken, Task<string?>> groupsClaim,
        CancellationToken cancellationToken);
}
