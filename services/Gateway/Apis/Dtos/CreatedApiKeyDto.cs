namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>A new key with its secret: the only time the secret is shown.</summary>
public sealed record CreatedApiKeyDto(ApiKeyDto Key, string Secret);
