using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Starts, stops and kills one resource, honouring what it waits for.</summary>
internal abstract class ResourceRunner(IResource resource, OrchestratorContext context)
{
    public IResource Resource { get; } = resource;

    protected OrchestratorContext Context { get; } = context;

    /// <summary>The instance names: one per replica of a project, the resource name otherwise.</summary>
    public abstract IReadOnlyList<string> InstanceNames { get; }

    /// <summary>Starts the resource once what it waits for is healthy; returns at once.</summary>
    public abstract void Start();

    public abstract Task StopAsync(CancellationToken cancellationToken);

    /// <summary>Kills the resource's processes with SIGKILL, as a crash would.</summary>
    public abstract void Kill();

    /// <summary>The names of the resources this one waits for.</summary>
    protected IReadOnlyList<string> WaitsFor =>
        [.. Resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).Distinct()];

    /// <summary>Reports <see cref="ResourceState.Waiting"/> and waits until each resource waited for is healthy.</summary>
    protected async Task WaitForDependenciesAsync(IReadOnlyList<string> dependencies, CancellationToken cancellationToken)
    {
        foreach (var dependency in dependencies)
        {
            if (Context.Notifications.GetState(dependency) == ResourceState.Healthy)
            {
                continue;
            }

            foreach (var instance in InstanceNames)
            {
                Context.Notifications.UpdateInstance(Resource.Name, instance, s => s with { State = ResourceState.Waiting, Message = $"waiting for {dependency}" });
            }

            await Context.Notifications.WaitForResourceHealthyAsync(dependency, cancellationToken).ConfigureAwait(false);
        }
    }
}
