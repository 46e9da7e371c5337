namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The state of one instance of a resource: a replica's process, a server's process, or a database.</summary>
public sealed record InstanceSnapshot
{
    /// <summary>The instance name: <c>gateway-0</c>, <c>gateway-1</c> for replicas, the resource name otherwise.</summary>
    public required string Name { get; init; }

    /// <summary>The current state.</summary>
    public ResourceState State { get; init; } = ResourceState.NotStarted;

    /// <summary>The process id while a process runs.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The exit code of the last process that exited.</summary>
    public int? ExitCode { get; init; }

    /// <summary>How many times the orchestrator restarted a crashed process.</summary>
    public int RestartCount { get; init; }

    /// <summary>When the current process was launched.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>When the instance last became healthy.</summary>
    public DateTimeOffset? HealthyAt { get; init; }

    /// <summary>Why it failed or what it waits for, when there is something to say.</summary>
    public string? Message { get; init; }

    /// <summary>The instance's endpoints by name (<c>http</c>, <c>grpc</c>, <c>tcp</c>).</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints { get; init; } = new Dictionary<string, Uri>();

    /// <summary>
    /// The variables the AppHost set on the current process (a null value removed an inherited one), as given:
    /// secrets included, so mask them before showing them (the dashboard does).
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();
}
