using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>
/// Verifies tokens of trusted OpenID Connect providers, cheapest refusal first: size, shape and algorithm; issuer;
/// tenant binding; then the signature with the issuer's published key named by the token, the audience and the
/// lifetime. The token itself is never logged.
/// </summary>
internal sealed class OidcTokenValidator(IssuerDirectory issuers, IOptions<OidcOptions> options, ILogger<OidcTokenValidator> logger)
    : IExternalTokenValidator
{
    private const int MaxAudiences = 5;

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };
    private readonly IReadOnlyList<string> _algorithms = options.Value.AllowedAlgorithms is { Count: > 0 } configured
        ? configured
        : SigningAlgorithms.Asymmetric;

    public async Task<(ExternalIdentity? Identity, string? Error)> ValidateAsync(
        string token,
        Func<string, string, CancellationToken, Task<string?>> groupsClaim,
        CancellationToken cancellationToken)
    {
        var (jwt, error) = TokenPrecheck.Read(token, options.Value, _algorithms);
        if (jwt is null)
        {
            return Refuse(error!, null);
        }

        if (!issuers.TryGet(jwt.Issuer, out var keySource))
        {
            return Refuse(OidcErrors.UntrustedIssuer, null);
        }

        var (audience, claim, bindError) = await BindAsync(jwt, groupsClaim, cancellationToken);
        if (audience is null)
        {
            return Refuse(bindError!, jwt.Issuer);
        }

        var (keys, keyError) = await SelectKeysAsync(keySource, jwt, cancellationToken);
        if (keys is null)
        {
            return Refuse(keyError!, jwt.Issuer);
        }

        try
        {
            var result = await _handler.ValidateTokenAsync(jwt, Parameters(jwt.Issuer, audience, keys));
            if (!result.IsValid)
            {
                return Refuse(Describe(result.Exception), jwt.Issuer);
            }

            var identity = ExternalClaims.Read(jwt, audience, claim!);
            return identity is null ? Refuse(OidcErrors.NoSubject, jwt.Issuer) : (identity, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The handler reports failures in its result; anything thrown is an input it did not expect.
            logger.LogWarning("Validating a token of {Issuer} failed unexpectedly ({ExceptionType})", jwt.Issuer, ex.GetType().Name);
            return Refuse(OidcErrors.Invalid, jwt.Issuer);
        }
    }

    /// <summary>The one audience of the token that a tenant binds for this issuer, and that tenant's groups claim.</summary>
    private static async Task<(string? Audience, string? Claim, string? Error)> BindAsync(
        JsonWebToken jwt, Func<string, string, CancellationToken, Task<string?>> groupsClaim, CancellationToken cancellationToken)
    {
        var audiences = jwt.Audiences.Where(a => !string.IsNullOrEmpty(a)).Distinct(StringComparer.Ordinal).ToList();
        if (audiences.Count is 0 or > MaxAudiences)
        {
            return (null, null, audiences.Count == 0 ? OidcErrors.NoAudience : OidcErrors.NotBound);
        }

        (string Audience, string Claim)? bound = null;
        foreach (var audience in audiences)
        {
            if (await groupsClaim(jwt.Issuer, audience, cancellationToken) is not { } claim)
            {
                continue;
            }

            if (bound is not null)
            {
                return (null, null, OidcErrors.AmbiguousAudience);
            }

            bound = (audience, claim);
        }

        return bound is { } found ? (found.Audience, found.Claim, null) : (null, null, OidcErrors.NotBound);
    }

    /// <summary>
    /// The published key the token names. A key id not published yet (the provider rotated its keys) fetches the key
    /// set once more, at most every <see cref="OidcOptions.KeyRefreshMinimumInterval"/>; a token without a key id is
    /// tried against every published key.
    /// </summary>
    private async Task<(IReadOnlyList<SecurityKey>? Keys, string? Error)> SelectKeysAsync(
        IIssuerSigningKeys source, JsonWebToken jwt, CancellationToken cancellationToken)
    {
        try
        {
            var keys = await source.GetKeysAsync(cancellationToken);
            if (string.IsNullOrEmpty(jwt.Kid))
            {
                return keys.Count == 0 ? (null, OidcErrors.UnknownKey) : (keys, null);
            }

            var named = Named(keys, jwt.Kid);
            if (named.Count == 0 && await source.TryRefreshAsync(cancellationToken))
            {
                named = Named(await source.GetKeysAsync(cancellationToken), jwt.Kid);
            }

            return named.Count == 0 ? (null, OidcErrors.UnknownKey) : (named, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("The signing keys of {Issuer} are unavailable: {Error}", jwt.Issuer, ex.Message);
            return (null, OidcErrors.KeysUnavailable);
        }
    }

    private static List<SecurityKey> Named(IReadOnlyList<SecurityKey> keys, string kid) =>
        [.. keys.Where(k => string.Equals(k.KeyId, kid, StringComparison.Ordinal))];

    private TokenValidationParameters Parameters(string issuer, string audience, IReadOnlyList<SecurityKey> keys) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = audience,
        IssuerSigningKeys = keys,
        TryAllIssuerSigningKeys = true,
        ValidAlgorithms = _algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = options.Value.ClockSkew,
    };

    private static string Describe(Exception? exception) => exception switch
    {
        SecurityTokenExpiredException => OidcErrors.Expired,
        SecurityTokenNotYetValidException => OidcErrors.NotYetValid,
        SecurityTokenNoExpirationException => OidcErrors.NoExpiry,
        SecurityTokenSignatureKeyNotFoundException => OidcErrors.UnknownKey,
        SecurityTokenInvalidSignatureException => OidcErrors.InvalidSignature,
        SecurityTokenInvalidAlgorithmException => OidcErrors.AlgorithmNotAllowed,
        _ => OidcErrors.Invalid,
    };

    private (ExternalIdentity? Identity, string? Error) Refuse(string reason, string? issuer)
    {
        logger.LogDebug("External token refused ({Issuer}): {Reason}", issuer ?? "-", reason);
        return (null, reason);
    }
}
