namespace SecureRag.Auth.Oidc;

/// <summary>Whether the operator's configuration (or, in Development, Auth's own provider) trusts an issuer.</summary>
public interface ITrustedIssuers
{
    bool IsTrusted(string issuer);
}
