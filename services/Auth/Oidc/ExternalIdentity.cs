namespace SecureRag.Auth.Oidc;

/// <summary>A user vouched for by a trusted OpenID Connect provider, read from a verified token.</summary>
/// <param name="Groups">The values of the tenant binding's groups claim.</param>
public sealed record ExternalIdentity(
    string Issuer,
    string Audience,
    string Subject,
    string? Email,
    string? Name,
    IReadOnlyList<string> Groups,
    DateTimeOffset ExpiresAt);
