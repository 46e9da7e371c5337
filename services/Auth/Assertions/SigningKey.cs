using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Assertions;

/// <summary>One assertion signing key (ECDSA P-256) and the window in which it signs and is published.</summary>
public sealed record SigningKey(
    string KeyId,
    ECDsa? PrivateKey,
    string PublicJwk,
    DateTimeOffset SignsFrom,
    DateTimeOffset SignsUntil,
    DateTimeOffset PublishedUntil)
{
    public JsonWebKey PublicKey { get; } = new(PublicJwk);

    public SigningCredentials Credentials => new(new ECDsaSecurityKey(PrivateKey) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
}
