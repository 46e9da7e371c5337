namespace SecureRag.ServiceDefaults.Security;

/// <summary>The claims of a principal or service assertion (a compact JWS signed by Auth with ES256).</summary>
public static class AssertionClaims
{
    /// <summary>The issuer of every assertion.</summary>
    public const string Issuer = "securerag-auth";

    /// <summary>The signing algorithm; anything else is refused.</summary>
    public const string Algorithm = "ES256";

    public const string Tenant = "tid";
    public const string Kind = "knd";
    public const string Groups = "grp";
    public const string Roles = "rol";
    public const string App = "app";
    public const string Scopes = "scp";
    public const string OnBehalfOf = "obo";
}
