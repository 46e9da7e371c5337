using SecureRag.Contracts.Auth;

namespace SecureRag.Auth.Domain;

/// <summary>A verified principal, with what the Gateway needs to enforce per request.</summary>
public sealed record AuthenticationResult(
    Principal Principal,
    Guid? ApiKeyId,
    Guid? UserId,
    Limits Limits,
    IReadOnlyList<string> AllowedAddresses,
    DateTimeOffset? CredentialExpiresAt);
