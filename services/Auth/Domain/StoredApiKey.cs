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
    DateTime? RevokedAt)
{
    // Dapper binds through this and the properties: Npgsql reports array columns as System.Array, which does not
    // match the positional constructor's parameter types.
    private StoredApiKey()
        : this(default, default, "", null, null, [], "", [], [], null, false, default, null, null)
    {
    }
}
