using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Tests.Oidc;

/// <summary>
/// One issuer served by the <see cref="TestIdentityProvider"/> under its own path, with its own keys and fetch
/// counters, so tests that count fetches or rotate keys do not disturb each other.
/// </summary>
public sealed class TestRealm
{
    public const string Audience = "api://securerag";

    private readonly Lock _gate = new();
    private readonly List<SecurityKey> _published = [];
    private readonly JsonWebTokenHandler _handler = new();
    private int _discoveryFetches;
    private int _keySetFetches;

    public TestRealm(string name, string baseAddress)
    {
        Name = name;
        Issuer = $"{baseAddress}/{name}";
        DiscoveryIssuer = Issuer;
        Publish(Rsa);
        Publish(Ec);
    }

    public string Name { get; }

    public string Issuer { get; }

    /// <summary>The issuer the discovery document names; a test may make it lie.</summary>
    public string DiscoveryIssuer { get; set; }

    public RsaSecurityKey Rsa { get; } = TestKeys.Provider("rsa-1");

    public ECDsaSecurityKey Ec { get; } = TestKeys.NewEc("ec-1");

    public int DiscoveryFetches => Volatile.Read(ref _discoveryFetches);

    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public void Publish(SecurityKey key)
    {
        lock (_gate)
        {
            _published.Add(key);
        }
    }

    /// <summary>A signed token for <paramref name="key"/>; valid for an hour unless <paramref name="customize"/> says otherwise.</summary>
    public string CreateToken(
        SecurityKey key,
        IDictionary<string, object>? claims = null,
        string? audience = Audience,
        string? algorithm = null,
        Action<SecurityTokenDescriptor>? customize = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims ?? new Dictionary<string, object> { ["sub"] = "alice" },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddHours(1),
            SigningCredentials = new SigningCredentials(key, algorithm ?? DefaultAlgorithm(key)),
        };
        customize?.Invoke(descriptor);
        return _handler.CreateToken(descriptor);
    }

    internal Dictionary<string, object> DiscoveryDocument()
    {
        Interlocked.Increment(ref _discoveryFetches);
        return new()
        {
            ["issuer"] = DiscoveryIssuer,
            ["jwks_uri"] = $"{Issuer}/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256", "ES256", "PS256" },
        };
    }

    internal Dictionary<string, object> KeySet()
    {
        Interlocked.Increment(ref _keySetFetches);
        lock (_gate)
        {
            return new() { ["keys"] = _published.Select(ToJwk).ToArray() };
        }
    }

    private static string DefaultAlgorithm(SecurityKey key) =>
        key is ECDsaSecurityKey ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;

    private static Dictionary<string, string> ToJwk(SecurityKey key)
    {
        if (key is RsaSecurityKey rsa)
        {
            var p = rsa.Rsa.ExportParameters(includePrivateParameters: false);
            return new()
            {
                ["kty"] = "RSA", ["use"] = "sig", ["kid"] = rsa.KeyId,
                ["n"] = Base64UrlEncoder.Encode(p.Modulus), ["e"] = Base64UrlEncoder.Encode(p.Exponent),
            };
        }

        var ec = ((ECDsaSecurityKey)key).ECDsa.ExportParameters(includePrivateParameters: false);
        return new()
        {
            ["kty"] = "EC", ["use"] = "sig", ["kid"] = key.KeyId, ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(ec.Q.X), ["y"] = Base64UrlEncoder.Encode(ec.Q.Y),
        };
    }
}
