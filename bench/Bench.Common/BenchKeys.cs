using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Bench;

/// <summary>
/// Stands in for Auth: an ES256 key the service trusts (its key source) and assertions signed with it, so the
/// service's own assertion interceptor verifies every call as in production.
/// </summary>
/// <param name="audience">The service the assertions are for (its <c>ServiceIdentity:Name</c>).</param>
public sealed class BenchKeys(string audience) : IAssertionKeySource
{
    private readonly ECDsaSecurityKey _key = new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = "bench" };

    public ValueTask<IReadOnlyList<SecurityKey>> GetKeysAsync(bool refresh, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IReadOnlyList<SecurityKey>>([_key]);

    /// <summary>A principal assertion for a user acting through an app.</summary>
    public string User(string tenant, string user, IEnumerable<string> groups, string? app) =>
        Sign(tenant, user, "user", groups, app, null);

    /// <summary>A principal assertion for an app's API key.</summary>
    public string ApiKey(string tenant, string keyId, string app) => Sign(tenant, keyId, "apikey", [], app, null);

    /// <summary>A service assertion (Ingestion writing the index, or the Gateway scanning for a user).</summary>
    public string Service(string tenant, string service, string onBehalfOf) => Sign(tenant, service, "service", [], null, onBehalfOf);

    private string Sign(string tenant, string subject, string kind, IEnumerable<string> groups, string? app, string? onBehalfOf)
    {
        var claims = new Dictionary<string, object>
        {
            ["sub"] = subject,
            [AssertionClaims.Tenant] = tenant,
            [AssertionClaims.Kind] = kind,
            [AssertionClaims.Groups] = groups.ToArray(),
            [AssertionClaims.Roles] = new[] { "member" },
            [AssertionClaims.Scopes] = new[] { "query" },
        };
        if (app is not null)
        {
            claims[AssertionClaims.App] = app;
        }

        if (onBehalfOf is not null)
        {
            claims[AssertionClaims.OnBehalfOf] = onBehalfOf;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AssertionClaims.Issuer,
            Audience = audience,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = now.AddHours(2),
            Claims = claims,
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.EcdsaSha256),
        });
    }
}
