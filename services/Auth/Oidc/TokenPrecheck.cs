using Microsoft.IdentityModel.JsonWebTokens;

namespace SecureRag.Auth.Oidc;

/// <summary>
/// The checks made on an untrusted token before any key is looked up: size first (before anything is decoded), then
/// shape, then the header's algorithm. Nothing here throws: every failure is a refusal.
/// </summary>
internal static class TokenPrecheck
{
    public static (JsonWebToken? Token, string? Error) Read(string? token, OidcOptions options, IReadOnlyList<string> algorithms)
    {
        if (string.IsNullOrEmpty(token))
        {
            return (null, OidcErrors.Missing);
        }

        // Compact JWS is ASCII, so characters are bytes; anything else fails the alphabet check below.
        if (token.Length > options.MaxTokenBytes)
        {
            return (null, OidcErrors.TooLarge);
        }

        var headerEnd = token.IndexOf('.');
        if (headerEnd > options.MaxHeaderBytes)
        {
            return (null, OidcErrors.HeaderTooLarge);
        }

        if (!IsCompactJws(token, headerEnd))
        {
            return (null, OidcErrors.Malformed);
        }

        JsonWebToken jwt;
        try
        {
            jwt = new JsonWebToken(token);
        }
        catch (Exception)
        {
            // Bad base64url or JSON: the library's exception text may quote the input, so it is not kept.
            return (null, OidcErrors.Malformed);
        }

        if (!algorithms.Contains(jwt.Alg, StringComparer.Ordinal))
        {
            return (null, OidcErrors.AlgorithmNotAllowed);
        }

        // RFC 7515, section 4.1.11: a token naming critical extensions we do not implement must be refused.
        if (jwt.TryGetHeaderValue<object>("crit", out _))
        {
            return (null, OidcErrors.CriticalHeader);
        }

        return (jwt, null);
    }

    /// <summary>Three non-empty-headed base64url segments (an encrypted, five-part token is not accepted).</summary>
    private static bool IsCompactJws(string token, int headerEnd)
    {
        if (headerEnd <= 0)
        {
            return false;
        }

        var payloadEnd = token.IndexOf('.', headerEnd + 1);
        if (payloadEnd <= headerEnd + 1 || token.IndexOf('.', payloadEnd + 1) >= 0)
        {
            return false;
        }

        foreach (var c in token)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }
}
