using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>
/// Auth as its own OpenID Connect provider, for local development and tests only (registered only in Development).
/// Its RS256 key is generated at start and lives in memory: tokens die with the process. Auth's validator trusts the
/// issuers this provider has issued under and checks their tokens against this key directly.
/// </summary>
internal sealed class DevelopmentIdentityProvider : IIssuerSigningKeys, IDisposable
{
    public const string BasePath = "/dev/oidc";
    public const string GroupsClaim = "groups";

    // Issuers computed from requests are remembered so the validator can trust them; a few are plenty for one machine.
    private const int MaxIssuers = 32;

    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly Lazy<DevelopmentJsonWebKeySet> _keySet;
    private readonly JsonWebTokenHandler _handler = new();
    private readonly ConcurrentDictionary<string, byte> _issuers = new(StringComparer.Ordinal);
    private readonly string? _configuredIssuer;
    private readonly TimeProvider _time;

    public DevelopmentIdentityProvider(IOptions<OidcOptions> options, TimeProvider time)
    {
        _time = time;
        _key = new RsaSecurityKey(_rsa) { KeyId = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(12)) };
        _keySet = new Lazy<DevelopmentJsonWebKeySet>(() =>
        {
            var parameters = _rsa.ExportParameters(includePrivateParameters: false);
            return new DevelopmentJsonWebKeySet(
            [
                new DevelopmentJsonWebKey(
                    "RSA", "sig", _key.KeyId, SecurityAlgorithms.RsaSha256,
                    Base64UrlEncoder.Encode(parameters.Modulus), Base64UrlEncoder.Encode(parameters.Exponent)),
            ]);
        });
        var configured = options.Value.DevelopmentIssuer;
        _configuredIssuer = string.IsNullOrWhiteSpace(configured) ? null : configured.TrimEnd('/');
        if (_configuredIssuer is not null)
        {
            _issuers[_configuredIssuer] = 0;
        }
    }

    /// <summary><c>Auth:Oidc:DevelopmentIssuer</c>, or this request's own base URL followed by <see cref="BasePath"/>.</summary>
    public string IssuerFor(HttpRequest request)
    {
        var issuer = _configuredIssuer ?? $"{request.Scheme}://{request.Host}{request.PathBase}{BasePath}";
        if (_issuers.Count < MaxIssuers)
        {
            _issuers.TryAdd(issuer, 0);
        }

        return issuer;
    }

    public bool HasIssued(string issuer) => _issuers.ContainsKey(issuer);

    /// <summary>The public key; the first call generates the key pair.</summary>
    public DevelopmentJsonWebKeySet KeySet() => _keySet.Value;

    public string CreateToken(string issuer, DevelopmentTokenRequest request, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = request.Subject!,
            [GroupsClaim] = request.Groups?.ToArray() ?? [],
        };
        if (!string.IsNullOrWhiteSpace(request.Email))
        {
            claims[JwtRegisteredClaimNames.Email] = request.Email;
        }

        if (!string.IsNullOrWhiteSpace(request.Name))
        {
            claims[JwtRegisteredClaimNames.Name] = request.Name;
        }

        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = request.Audience,
            Claims = claims,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
    }

    public Task<IReadOnlyList<SecurityKey>> GetKeysAsync(CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SecurityKey>>([_key]);

    public Task<bool> TryRefreshAsync(CancellationToken cancellationToken) => Task.FromResult(false);

    public void Dispose() => _rsa.Dispose();
}
