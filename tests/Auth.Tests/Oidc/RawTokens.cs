using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Tests.Oidc;

/// <summary>Hand-made tokens a well-behaved library would never produce.</summary>
public static class RawTokens
{
    public static string Segment(object value) => Base64UrlEncoder.Encode(JsonSerializer.SerializeToUtf8Bytes(value));

    /// <summary>Claims that would pass every check except the signature's.</summary>
    public static Dictionary<string, object> Payload(string issuer, string audience = TestRealm.Audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        return new() { ["iss"] = issuer, ["aud"] = audience, ["sub"] = "mallory", ["iat"] = now, ["nbf"] = now, ["exp"] = now + 3600 };
    }

    public static string Unsigned(object header, object payload) => $"{Segment(header)}.{Segment(payload)}.";

    /// <summary>HMAC-SHA256 keyed with the provider's public key: the classic RS256/HS256 key confusion forgery.</summary>
    public static string SignedWithPublicKeyAsHmac(RsaSecurityKey key, object payload)
    {
        var signingInput = $"{Segment(new { alg = "HS256", typ = "JWT", kid = key.KeyId })}.{Segment(payload)}";
        var secret = Encoding.ASCII.GetBytes(key.Rsa.ExportSubjectPublicKeyInfoPem());
        var signature = HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(signingInput));
        return $"{signingInput}.{Base64UrlEncoder.Encode(signature)}";
    }
}
