using System.ComponentModel.DataAnnotations;

namespace SecureRag.Gateway;

/// <summary>Settings of the Gateway (section <c>Gateway</c>).</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    /// <summary>The services a caller's assertions are requested for, by resource name.</summary>
    [MinLength(1)]
    public string[] DownstreamServices { get; set; } = ["auth", "audit", "ingestion", "retrieval", "guardrail", "inference"];

    /// <summary>Upper bound on remembered authentications; the oldest half is dropped when it is reached.</summary>
    [Range(100, 10_000_000)]
    public int PrincipalCacheSize { get; set; } = 100_000;

    /// <summary>
    /// Background renewals of cached authentications one replica starts per second, at most. With Auth's default
    /// one-minute lifetime a busy credential is renewed about every 40 s, so 100 a second keep about 4,000 busy
    /// credentials per replica renewed at an even pace; an entry close to expiry is renewed outside this budget.
    /// </summary>
    [Range(1, 100_000)]
    public int PrincipalRenewalsPerSecond { get; set; } = 100;

    /// <summary>Longest accepted Authorization header; longer ones are refused before any parsing.</summary>
    [Range(256, 65_536)]
    public int MaxCredentialLength { get; set; } = 8 * 1024;
}
