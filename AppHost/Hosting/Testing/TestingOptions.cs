using Microsoft.Extensions.Logging;

namespace SecureRag.Hosting.Testing;

/// <summary>How a test application runs.</summary>
public sealed class TestingOptions
{
    /// <summary>
    /// The data directory; by default a fresh temporary one, removed when the application is disposed. A directory
    /// given here is kept (a test can start a second application on it).
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>How long <c>StartAsync</c> waits for every resource to be healthy.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>How long a process may take to stop before it is killed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether resource console output is echoed to the test's console (it is always buffered).</summary>
    public bool ForwardConsoleOutput { get; set; }

    /// <summary>
    /// Whether the AppHost serves its dashboard (on a free loopback port; see <c>DistributedApplication.DashboardLoginUrl</c>).
    /// Off by default, as in Aspire's testing builder.
    /// </summary>
    public bool EnableDashboard { get; set; }

    /// <summary>The lowest level of the AppHost's own log messages written to the console.</summary>
    public LogLevel MinimumLogLevel { get; set; } = LogLevel.Warning;

    /// <summary>
    /// Configuration of the AppHost (and of the model's <c>define</c> callback), e.g. <c>Gateway:Replicas</c>, any
    /// <c>AppHost:*</c> setting, or <c>ConnectionStrings:{server}</c> to use an existing server.
    /// </summary>
    public IDictionary<string, string?> Configuration { get; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
