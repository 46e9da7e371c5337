using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>The asymmetric JWS algorithms (RFC 7518, section 3.1) external tokens may be signed with.</summary>
public static class SigningAlgorithms
{
    /// <summary>
    /// RSA PKCS#1, RSA-PSS and ECDSA. Never <c>none</c> or <c>HS*</c>: a shared-secret algorithm would let anyone who
    /// has the provider's public key forge tokens (key confusion).
    /// </summary>
    public static readonly IReadOnlyList<string> Asymmetric =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    public static bool IsAsymmetric(string algorithm) => Asymmetric.Contains(algorithm, StringComparer.Ordinal);
}
