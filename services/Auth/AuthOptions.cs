using System.ComponentModel.DataAnnotations;

namespace SecureRag.Auth;

/// <summary>Settings of the Auth service (section <c>Auth</c>).</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    /// <summary>Base64 key (≥ 32 bytes) for the keyed digest of API keys. Required outside Development.</summary>
    public string ApiKeyDigestKey { get; set; } = "";

    /// <summary>Base64 key (32 bytes) encrypting the assertion signing keys at rest. Required outside Development.</summary>
    public string KeyEncryptionKey { get; set; } = "";

    /// <summary>SHA-256 digests (hex) of each service's credential, by service name.</summary>
    public Dictionary<string, string> ServiceCredentials { get; set; } = [];

    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan AssertionLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long one signing key signs before the next takes over.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan SigningKeyRotation { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How long the Gateway may remember an authentication answer (changes evict it sooner).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PrincipalCacheLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How stale an API key's recorded last use may get: a use within this long of the recorded one is not written
    /// again, which spares a write on most authentications of a busy key.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan ApiKeyLastUsedPrecision { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Where the one-time bootstrap owner credential is written at the platform's first start.</summary>
    [Required]
    public string BootstrapCredentialPath { get; set; } = "bootstrap-owner.credential";

    public DefaultLimitsOptions DefaultLimits { get; set; } = new();
}
