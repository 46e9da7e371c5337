namespace SecureRag.Gateway.Apis.Dtos;

/// <param name="AppId">For a client application's key.</param>
/// <param name="UserId">For an automation key acting as a user; neither: the calling user.</param>
public sealed record CreateApiKeyRequest(
    string Name,
    IReadOnlyList<string> Scopes,
    string? AppId = null,
    string? UserId = null,
    DateTimeOffset? ExpiresAt = null,
    IReadOnlyList<string>? AllowedAddresses = null);
