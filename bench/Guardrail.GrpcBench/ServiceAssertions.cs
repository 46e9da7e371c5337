using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Bench.GuardrailGrpc;

/// <summary>
/// Stands in for Auth: an ES256 key the service trusts and a service assertion signed with it (the Gateway scanning
/// on behalf of a user), so the service's own assertion interceptor verifies every call as in production.
/// </summary>
public sealed class ServiceAssertions : IAssertionKeySource
{
    public const string Audience = "guardrail";

    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "bench" };

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>([_key]);

    public string Service(string tenant, string service, string onBehalfOf)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AssertionClaims.Issuer,
            Audience = Audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(2),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = service,
                [AssertionClaims.Tenant] = tenant,
                [AssertionClaims.Kind] = "service",
                [AssertionClaims.Groups] = Array.Empty<string>(),
                [AssertionClaims.Roles] = Array.Empty<string>(),
                [AssertionClaims.Scopes] = Array.Empty<string>(),
                [AssertionClaims.OnBehalfOf] = onBehalfOf,
            },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
