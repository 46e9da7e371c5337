namespace SecureRag.Auth.Oidc;

/// <summary>Why an external token was refused: short, fixed, safe to log and to return (never token content).</summary>
public static class OidcErrors
{
    public const string Missing = "No token was presented.";
    public const string TooLarge = "The token is too large.";
    public const string HeaderTooLarge = "The token's header is too large.";
    public const string Malformed = "The token is malformed.";
    public const string AlgorithmNotAllowed = "The token's signature algorithm is not allowed.";
    public const string CriticalHeader = "The token has critical header parameters this service does not understand.";
    public const string UntrustedIssuer = "The token's issuer is not trusted.";
    public const string NoAudience = "The token has no audience.";
    public const string NotBound = "No tenant accepts tokens from this issuer for this audience.";
    public const string AmbiguousAudience = "The token's audiences are bound to more than one tenant.";
    public const string KeysUnavailable = "The issuer's signing keys could not be obtained.";
    public const string UnknownKey = "The token is signed with a key the issuer does not publish.";
    public const string InvalidSignature = "The token's signature is invalid.";
    public const string Expired = "The token has expired.";
    public const string NotYetValid = "The token is not valid yet.";
    public const string NoExpiry = "The token has no expiry.";
    public const string NoSubject = "The token has no subject.";
    public const string Invalid = "The token is invalid.";
}
