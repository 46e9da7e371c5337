using System.ComponentModel.DataAnnotations;

namespace SecureRag.Hosting.Dashboard;

/// <summary>The dashboard the AppHost serves (section <c>AppHost:Dashboard</c>).</summary>
public sealed class DashboardOptions
{
    /// <summary>The port used when none is configured.</summary>
    public const int DefaultPort = 18888;

    /// <summary>Whether the AppHost serves the dashboard (the testing builder turns it off unless a test asks for it).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The address to listen on: loopback by default. Anything else exposes the platform's logs, environment and audit
    /// trail to the network behind nothing but the login token, and the AppHost warns about it.
    /// </summary>
    [Required]
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free one. When the default port is taken, a free one is used instead.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>The most console lines a console-log page shows and keeps while it follows the output live.</summary>
    [Range(10, 100_000)]
    public int ConsoleLines { get; set; } = 2_000;

    /// <summary>The most rows a structured-log, trace or audit page lists.</summary>
    [Range(10, 10_000)]
    public int PageSize { get; set; } = 200;

    /// <summary>How long the audit chain's last verification result is shown before the chain is verified again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan AuditVerificationMaxAge { get; set; } = TimeSpan.FromSeconds(15);
}
