namespace SecureRag.ServiceDefaults.Egress;

/// <summary>
/// Where a component may connect to. Everything not listed is refused; link-local and cloud metadata, unspecified,
/// multicast and broadcast addresses are refused even when listed.
/// </summary>
public sealed class EgressOptions
{
    /// <summary>The default configuration section.</summary>
    public const string SectionName = "Egress";

    /// <summary>
    /// Host names that may be connected to whatever they resolve to (exact, case-insensitive; <c>*.example.internal</c>
    /// matches any sub-domain). Prefer <see cref="AllowedNetworks"/>: an address range still holds when a DNS answer changes.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Address ranges in CIDR notation (<c>10.20.0.0/16</c>, <c>fd00:1234::/48</c>) that may be connected to.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Whether loopback addresses (127.0.0.0/8, ::1) may be connected to; on by default.</summary>
    public bool AllowLoopback { get; set; } = true;

    /// <summary>How long a connection attempt may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);
}
