using System.Text.Json.Serialization;

namespace SecureRag.Auth.Oidc;

/// <summary>The development identity provider's published keys (<c>GET /dev/oidc/jwks</c>).</summary>
public sealed record DevelopmentJsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<DevelopmentJsonWebKey> Keys);
