namespace SecureRag.Auth.Oidc;

/// <summary>An OpenID Connect provider the operator trusts (an item of <c>Auth:Oidc:TrustedIssuers</c>).</summary>
public sealed class TrustedIssuerOptions
{
    /// <summary>The issuer exactly as it appears in the provider's tokens' <c>iss</c> claim.</summary>
    public string Issuer { get; set; } = "";

    /// <summary>
    /// Where the discovery document is, when not at the standard
    /// <c>&lt;issuer&gt;/.well-known/openid-configuration</c> (OpenID Connect Discovery 1.0, section 4).
    /// </summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The discovery document's address: the override, or the standard one.</summary>
    public string EffectiveMetadataAddress =>
        string.IsNullOrWhiteSpace(MetadataAddress)
            ? $"{Issuer.TrimEnd('/')}/.well-known/openid-configuration"
            : MetadataAddress;
}
