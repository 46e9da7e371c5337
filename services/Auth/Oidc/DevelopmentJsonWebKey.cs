using System.Text.Json.Serialization;

namespace SecureRag.Auth.Oidc;

/// <summary>A public RSA signing key as a JSON Web Key (RFC 7517, RFC 7518 section 6.3.1).</summary>
public sealed record DevelopmentJsonWebKey(
    [property: JsonPropertyName("kty")] string KeyType,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("kid")] string KeyId,
    [property: JsonPropertyName("alg")] string Algorithm,
    [property: JsonPropertyName("n")] string Modulus,
    [property: JsonPropertyName("e")] string Exponent);
