using System.Text.Json.Serialization;

namespace SecureRag.Auth.Oidc;

/// <summary>What the development identity provider should put in a token (<c>POST /dev/oidc/token</c>).</summary>
public sealed record DevelopmentTokenRequest(
    [property: JsonPropertyName("subject")] string? Subject,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("groups")] IReadOnlyList<string>? Groups,
    [property: JsonPropertyName("audience")] string? Audience,
    [property: JsonPropertyName("lifetime_seconds")] int? LifetimeSeconds);
