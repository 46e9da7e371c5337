using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Tests.Oidc;

/// <summary>
/// RSA key pairs made once per run and shared (under a loaded machine one 2048-bit key takes seconds to generate);
/// each use gets its own key id.
/// </summary>
public static class TestKeys
{
    private static readonly Lazy<RSA> ProviderKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> OtherKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> RotatedKey = new(() => RSA.Create(2048));

    /// <summary>The key every realm publishes as <c>rsa-1</c>.</summary>
    public static RsaSecurityKey Provider(string kid) => new(ProviderKey.Value) { KeyId = kid };

    /// <summary>A key no realm publishes: a stranger's, or an impostor's when given a published key id.</summary>
    public static RsaSecurityKey Other(string kid) => new(OtherKey.Value) { KeyId = kid };

    /// <summary>A key a realm starts publishing when a test rotates its keys.</summary>
    public static RsaSecurityKey Rotated(string kid) => new(RotatedKey.Value) { KeyId = kid };

    public static ECDsaSecurityKey NewEc(string kid) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = kid };
}
