using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Assertions;

/// <summary>
/// Signs short-lived, audience-bound assertions of a principal for the services it will call. The Gateway renews every
/// busy credential about once a minute, each time for six audiences, so a recent assertion of the same principal is
/// handed out again rather than signed anew (see <see cref="IssuedAssertions"/>).
/// </summary>
public sealed class AssertionIssuer(SigningKeyStore keys, IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly IssuedAssertions _issued = new(options.Value.AssertionLifetime);

    public async Task<Assertion> IssueAsync(Principal principal, string audience, CancellationToken cancellationToken)
    {
        var key = await keys.GetSigningKeyAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (_issued.TryReuse(principal, audience, key.KeyId, now, out var issued))
        {
            return issued;
        }

        var assertion = Sign(principal, audience, key, now);
        _issued.Remember(principal, audience, key.KeyId, assertion);
        return assertion;
    }

    private Assertion Sign(Principal principal, string audience, SigningKey key, DateTimeOffset now)
    {
        var expires = now + options.Value.AssertionLifetime;
        if (expires > key.PublishedUntil)
        {
            expires = key.PublishedUntil;
        }

        var claims = new Dictionary<string, object>
        {
            [JwtRegisteredClaimNames.Sub] = principal.PrincipalId,
            [AssertionClaims.Tenant] = principal.TenantId,
            [AssertionClaims.Kind] = principal.Kind,
            [AssertionClaims.Groups] = principal.GroupIds.ToArray(),
            [AssertionClaims.Roles] = principal.Roles.ToArray(),
            [AssertionClaims.Scopes] = principal.Scopes.ToArray(),
        };
        if (principal.AppId.Length > 0)
        {
            claims[AssertionClaims.App] = principal.AppId;
        }

        if (principal.OnBehalfOf.Length > 0)
        {
            claims[AssertionClaims.OnBehalfOf] = principal.OnBehalfOf;
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AssertionClaims.Issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = key.Credentials,
        });
        return new Assertion { Audience = audience, Token = token, ExpiresAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(expires) };
    }
}
