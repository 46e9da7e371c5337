using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Verifies assertions addressed to this service: ES256 only, Auth's keys only, this service's audience only, not
/// expired. Verified tokens are remembered until they expire, so a hot caller pays for the signature check once.
/// </summary>
public sealed class AssertionValidator(IAssertionKeySource keys, IOptions<ServiceIdentityOptions> identity, TimeProvider time)
{
    private const int MaxRemembered = 50_000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(30);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly ConcurrentDictionary<string, (CallerPrincipal Caller, DateTimeOffset Expires)> _verified = new(StringComparer.Ordinal);

    /// <returns>The caller, or null with the reason the assertion was refused.</returns>
    public async ValueTask<(CallerPrincipal? Caller, string? Error)> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_verified.TryGetValue(token, out var known))
        {
            if (known.Expires > now)
            {
                return (known.Caller, null);
            }

            _verified.TryRemove(token, out _);
        }

        var result = await ValidateSignatureAsync(token, refresh: false, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // Keys rotate: an assertion signed with a key published since the last fetch is valid.
            result = await ValidateSignatureAsync(token, refresh: true, cancellationToken);
        }

        if (!result.IsValid)
        {
            return (null, Describe(result.Exception));
        }

        var caller = ToCaller(result.ClaimsIdentity);
        if (caller is null)
        {
            return (null, "The assertion lacks its tenant or subject.");
        }

        if (_verified.Count >= MaxRemembered)
        {
            _verified.Clear();
        }

        _verified[token] = (caller, new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero));
        return (caller, null);
    }

    private async Task<TokenValidationResult> ValidateSignatureAsync(string token, bool refresh, CancellationToken cancellationToken)
    {
        var signingKeys = await keys.GetKeysAsync(refresh, cancellationToken);
        return await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = AssertionClaims.Issuer,
            ValidAudience = identity.Value.Name,
            IssuerSigningKeys = signingKeys,
            ValidAlgorithms = [AssertionClaims.Algorithm],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
        });
    }

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => "The assertion has expired.",
        SecurityTokenInvalidAudienceException => "The assertion is for another service.",
        SecurityTokenInvalidIssuerException => "The assertion was not issued by Auth.",
        SecurityTokenSignatureKeyNotFoundException => "The assertion is signed with an unknown key.",
        SecurityTokenInvalidSignatureException => "The assertion's signature is invalid.",
        SecurityTokenInvalidAlgorithmException => "The assertion's algorithm is not allowed.",
        _ => "The assertion is malformed.",
    };

    private static CallerPrincipal? ToCaller(ClaimsIdentity identity)
    {
        var tenant = identity.FindFirst(AssertionClaims.Tenant)?.Value;
        var subject = identity.FindFirst(JwtRegisteredClaimNames.Sub)?.Value;
        // A service acting for the platform itself (not for a tenant) carries an empty tenant.
        if (tenant is null || string.IsNullOrEmpty(subject))
        {
            return null;
        }

        string[] All(string type) => [.. identity.FindAll(type).Select(c => c.Value)];
        var kind = identity.FindFirst(AssertionClaims.Kind)?.Value switch
        {
            "apikey" => PrincipalKind.ApiKey,
            "service" => PrincipalKind.Service,
            _ => PrincipalKind.User,
        };
        return new CallerPrincipal(
            tenant,
            subject,
            kind,
            All(AssertionClaims.Groups),
            All(AssertionClaims.Roles),
            identity.FindFirst(AssertionClaims.App)?.Value,
            All(AssertionClaims.Scopes),
            identity.FindFirst(AssertionClaims.OnBehalfOf)?.Value);
    }
}
