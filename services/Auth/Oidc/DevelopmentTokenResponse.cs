using System.Text.Json.Serialization;

namespace SecureRag.Auth.Oidc;

/// <summary>A token issued by the development identity provider, shaped like an OAuth 2.0 token response.</summary>
public sealed record DevelopmentTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("issuer")] string Issuer);
