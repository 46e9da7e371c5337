namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The state of one resource and of each of its instances.</summary>
public sealed record ResourceSnapshot
{
    /// <summary>The resource name.</summary>
    public required string Name { get; init; }

    /// <summary>A display name of the kind of resource: <c>Project</c>, <c>PostgreSQL</c>, <c>Redis</c>, …</summary>
    public required string ResourceType { get; init; }

    /// <summary>The instances: one per replica of a project, one for anything else.</summary>
    public required IReadOnlyList<InstanceSnapshot> Instances { get; init; }

    /// <summary>
    /// The resource's state: the instances' common state, or the most significant one when they differ
    /// (Failed, then Restarting, Unhealthy, Stopping, Starting, Waiting, Running, NotStarted, Stopped, Healthy).
    /// </summary>
    public ResourceState State => Instances.Count == 0
        ? ResourceState.NotStarted
        : Instances.Select(i => i.State).MinBy(Significance);

    /// <summary>The first instance message, if any.</summary>
    public string? Message => Instances.Select(i => i.Message).FirstOrDefault(m => m is not null);

    private static int Significance(ResourceState state) => state switch
    {
        ResourceState.Failed => 0,
        ResourceState.Restarting => 1,
        ResourceState.Unhealthy => 2,
        ResourceState.Stopping => 3,
        ResourceState.Starting => 4,
        ResourceState.Waiting => 5,
        ResourceState.Running => 6,
        ResourceState.NotStarted => 7,
        ResourceState.Stopped => 8,
        _ => 9,
    };
}
