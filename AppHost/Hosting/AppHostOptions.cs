using System.ComponentModel.DataAnnotations;

namespace SecureRag.Hosting;

/// <summary>Settings of the orchestrator, bound from the <c>AppHost</c> configuration section.</summary>
public sealed class AppHostOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "AppHost";

    /// <summary>The name printed when every resource is healthy.</summary>
    [Required]
    public string ApplicationName { get; set; } = "SecureRag";

    /// <summary>The repository root; found by walking up to <see cref="RepositoryMarker"/> when not set.</summary>
    public string? RepositoryRoot { get; set; }

    /// <summary>The file that marks the repository root.</summary>
    [Required]
    public string RepositoryMarker { get; set; } = "SecureRag.sln";

    /// <summary>Where servers keep their data and credentials; <c>{repository}/.data</c> by default.</summary>
    public string? DataDirectory { get; set; }

    /// <summary><c>ASPNETCORE_ENVIRONMENT</c> and <c>DOTNET_ENVIRONMENT</c> of the projects.</summary>
    [Required]
    public string Environment { get; set; } = "Development";

    /// <summary>The build configuration whose output is run; the one this library was built with by default.</summary>
    public string? BuildConfiguration { get; set; }

    /// <summary>The loopback port of the OTLP/HTTP receiver; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int OtlpPort { get; set; }

    /// <summary>How often a healthy resource is probed again.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often a starting resource is probed until it is healthy.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan StartupProbeInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How long one probe may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>How long a process may take to exit after its stop signal before it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first delay before a crashed project is restarted; it doubles on every crash in a row.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay before a restart.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>StartAsync</c> waits for every resource to be healthy; unbounded when not set.</summary>
    public TimeSpan? StartupTimeout { get; set; }

    /// <summary>Whether resource console output is echoed to the AppHost's console.</summary>
    public bool ForwardConsoleOutput { get; set; } = true;

    /// <summary>How many console lines are kept per resource instance.</summary>
    [Range(10, 1_000_000)]
    public int ConsoleBufferLines { get; set; } = 2000;

    /// <summary>Where the server binaries are; found in Debian's locations when not set.</summary>
    public ServerBinariesOptions Binaries { get; set; } = new();

    /// <summary>The dashboard (section <c>AppHost:Dashboard</c>).</summary>
    public Dashboard.DashboardOptions Dashboard { get; set; } = new();
}
