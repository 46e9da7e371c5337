using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.ServiceDefaults.Tests.Security;

/// <summary>A signing key like Auth's, and a key source that publishes chosen keys.</summary>
internal sealed class TestKeys : IAssertionKeySource
{
    public ECDsaSecurityKey Published { get; } = NewKey("published");

    public ECDsaSecurityKey Unpublished { get; } = NewKey("unpublished");

    public List<SecurityKey> Keys { get; } = [];

    public int Refreshes { get; private set; }

    public TestKeys() => Keys.Add(Published);

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken)
    {
        Refreshes += refresh ? 1 : 0;
        return ValueTask.FromResult<IReadOnlyList<SecurityKey>>([.. Keys]);
    }

    public static string Token(
        SecurityKey key, string audience = "retrieval", DateTime? expires = null, string issuer = AssertionClaims.Issuer,
        string algorithm = SecurityAlgorithms.EcdsaSha256, Dictionary<string, object>? claims = null)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-10),
            NotBefore = now.AddMinutes(-10),
            Expires = expires ?? now.AddMinutes(5),
            Claims = claims ?? new Dictionary<string, object>
            {
                ["sub"] = "user-1",
                [AssertionClaims.Tenant] = "tenant-1",
                [AssertionClaims.Kind] = "user",
                [AssertionClaims.Groups] = new[] { "g1", "g2" },
                [AssertionClaims.Roles] = new[] { "member" },
                [AssertionClaims.Scopes] = new[] { "query" },
            },
            SigningCredentials = new SigningCredentials(key, algorithm),
        });
    }

    private static ECDsaSecurityKey NewKey(string id) => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = id };
}
