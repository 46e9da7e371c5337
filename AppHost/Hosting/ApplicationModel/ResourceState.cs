namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The lifecycle state of a resource or of one of its instances (replicas).</summary>
public enum ResourceState
{
    /// <summary>Not started yet.</summary>
    NotStarted,

    /// <summary>Waiting for the resources it waits for to be healthy.</summary>
    Waiting,

    /// <summary>Preparing its data and launching its process.</summary>
    Starting,

    /// <summary>The process runs; its health check has not passed yet.</summary>
    Running,

    /// <summary>The health check passes.</summary>
    Healthy,

    /// <summary>The process runs but its health check fails.</summary>
    Unhealthy,

    /// <summary>The process crashed and is restarted after a back-off delay.</summary>
    Restarting,

    /// <summary>Being stopped.</summary>
    Stopping,

    /// <summary>Stopped on request.</summary>
    Stopped,

    /// <summary>Could not start, or exited and is not restarted; see the snapshot's message.</summary>
    Failed,
}
