namespace SecureRag.Auth.Domain;

/// <summary>An API key as stored: never the secret, only its digest.</summary>
public sealed record StoredApiKey(
    Guid Id,
    Guid TenantId,
    string Name,
    Guid? AppId,
    Guid? UserId,
    byte[] Digest,
    string Prefix,
    string[] Scopes,
    string[] AllowedAddresses,
    DateTime? ExpiresAt,
    bool Bootstrap,
    DateTime CreatedAt,
    DateTime? LastUsedAt,
    DateTime? RevokedAt);
