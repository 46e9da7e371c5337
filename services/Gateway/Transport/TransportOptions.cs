namespace SecureRag.Gateway.Transport;

/// <summary>How clients reach the Gateway (section <c>Gateway:Transport</c>).</summary>
public sealed class TransportOptions
{
    public const string SectionName = "Gateway:Transport";

    /// <summary>
    /// Proxies (addresses, or networks as <c>10.0.0.0/8</c>) whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
    /// are believed. Empty by default: the client's address is the connection's, so nobody can spoof it.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>
    /// In Development, where a self-signed certificate is kept (created at first start) for an HTTPS endpoint that has
    /// no certificate of its own. Outside Development an HTTPS endpoint needs its certificate in configuration.
    /// </summary>
    public string? DevelopmentCertificatePath { get; set; }
}
