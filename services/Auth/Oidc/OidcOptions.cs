using System.ComponentModel.DataAnnotations;

namespace SecureRag.Auth.Oidc;

/// <summary>Which external identity providers Auth trusts, and how strictly their tokens are read (section <c>Auth:Oidc</c>).</summary>
public sealed class OidcOptions
{
    public const string SectionName = "Auth:Oidc";

    /// <summary>The named HTTP client that fetches discovery documents and key sets (egress-guarded).</summary>
    public const string HttpClientName = "oidc";

    /// <summary>The egress allow-list of that client; the trusted issuers' own hosts are added to it automatically.</summary>
    public const string EgressSectionName = SectionName + ":Egress";

    /// <summary>The providers whose tokens may be accepted. Empty: no external sign-in (API keys still work).</summary>
    public List<TrustedIssuerOptions> TrustedIssuers { get; set; } = [];

    /// <summary>How often a provider's discovery document and keys are fetched again (at least 5 minutes).</summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// The shortest time between two fetches forced by a token signed with a key id not yet known, per provider, so
    /// forged key ids cannot make Auth hammer a provider.
    /// </summary>
    public TimeSpan KeyRefreshMinimumInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Tokens longer than this are refused before they are parsed.</summary>
    [Range(1024, 65536)]
    public int MaxTokenBytes { get; set; } = 8 * 1024;

    /// <summary>Token headers (the first segment, encoded) longer than this are refused before they are parsed.</summary>
    [Range(128, 8192)]
    public int MaxHeaderBytes { get; set; } = 1024;

    /// <summary>
    /// Signature algorithms accepted (asymmetric only: <c>RS*</c>, <c>PS*</c>, <c>ES*</c>). Empty: all of those.
    /// <c>none</c> and the HMAC family are refused at start, whatever is configured.
    /// </summary>
    public List<string> AllowedAlgorithms { get; set; } = [];

    /// <summary>How much a provider's clock may differ from ours when checking <c>exp</c> and <c>nbf</c>.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Development only: the issuer of Auth's own development identity provider (<c>&lt;Auth's base URL&gt;/dev/oidc</c>).
    /// Empty: computed from each request to the provider.
    /// </summary>
    public string? DevelopmentIssuer { get; set; }
}
