using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>Reads the identity out of a token whose signature, issuer, audience and lifetime are verified.</summary>
internal static class ExternalClaims
{
    private static readonly char[] GroupSeparators = [' ', '\t', '\r', '\n'];

    public static ExternalIdentity? Read(JsonWebToken token, string audience, string groupsClaim)
    {
        var subject = Text(token, JwtRegisteredClaimNames.Sub);
        if (subject is null)
        {
            return null;
        }

        return new ExternalIdentity(
            token.Issuer,
            audience,
            subject,
            Text(token, JwtRegisteredClaimNames.Email),
            Text(token, JwtRegisteredClaimNames.Name),
            Groups(token, groupsClaim),
            new DateTimeOffset(DateTime.SpecifyKind(token.ValidTo, DateTimeKind.Utc)));
    }

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>
    /// Providers send groups as a JSON array (Entra ID, Keycloak, Okta) or as one space-separated string (as OAuth
    /// sends <c>scope</c>). The raw payload is read, so an array element that contains a space stays one group.
    /// </summary>
    private static IReadOnlyList<string> Groups(JsonWebToken token, string claim)
    {
        using var payload = JsonDocument.Parse(Base64UrlEncoder.DecodeBytes(token.EncodedPayload));
        if (!payload.RootElement.TryGetProperty(claim, out var value))
        {
            return [];
        }

        IEnumerable<string> groups = value.ValueKind switch
        {
            JsonValueKind.Array => value.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.String)
                .Select(e => e.GetString()!.Trim()),
            JsonValueKind.String => value.GetString()!.Split(GroupSeparators, StringSplitOptions.RemoveEmptyEntries),
            _ => [],
        };
        return [.. groups.Where(g => g.Length > 0).Distinct(StringComparer.Ordinal)];
    }
}
