namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>An API key without its secret.</summary>
public sealed record ApiKeyDto(
    string Id,
    string Name,
    string Prefix,
    string? AppId,
    string? UserId,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> AllowedAddresses,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUsedAt,
    DateTimeOffset? RevokedAt);
