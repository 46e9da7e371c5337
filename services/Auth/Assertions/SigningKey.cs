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

    // One instance per key: IdentityModel caches its signer by the key's thumbprint, which each new key object
    // would compute again.
    public SigningCredentials? Credentials { get; } =
        PrivateKey is null ? null : new(new ECDsaSecurityKey(PrivateKey) { KeyId = KeyId }, SecurityAlgorithms.EcdsaSha256);
}
