using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// The observable state of every resource: read a snapshot, wait for a state, or watch the changes (for a dashboard).
/// Thread-safe; snapshots are immutable.
/// </summary>
public sealed class ResourceNotificationService
{
    private readonly Lock _gate = new();
    private ImmutableDictionary<string, ResourceSnapshot> _resources = ImmutableDictionary<string, ResourceSnapshot>.Empty;
    private ImmutableList<string> _order = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Raised after every change, with the new snapshot of the resource that changed.</summary>
    public event Action<ResourceSnapshot>? Changed;

    /// <summary>The snapshot of every resource, in model order.</summary>
    public IReadOnlyList<ResourceSnapshot> GetSnapshots()
    {
        lock (_gate)
        {
            return [.. _order.Select(n => _resources[n])];
        }
    }

    /// <summary>The snapshot of the resource named <paramref name="resourceName"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such resource.</exception>
    public ResourceSnapshot GetSnapshot(string resourceName) =>
        _resources.TryGetValue(resourceName, out var snapshot)
            ? snapshot
            : throw new KeyNotFoundException($"There is no resource named '{resourceName}'.");

    /// <summary>The current state of the resource named <paramref name="resourceName"/>.</summary>
    public ResourceState GetState(string resourceName) => GetSnapshot(resourceName).State;

    /// <summary>Waits until the resource's snapshot satisfies <paramref name="predicate"/>.</summary>
    public async Task<ResourceSnapshot> WaitForAsync(
        string resourceName, Func<ResourceSnapshot, bool> predicate, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var snapshot = GetSnapshot(resourceName);
            if (predicate(snapshot))
            {
                return snapshot;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Waits until the resource is in <paramref name="state"/>.</summary>
    public Task<ResourceSnapshot> WaitForStateAsync(string resourceName, ResourceState state, CancellationToken cancellationToken) =>
        WaitForAsync(resourceName, s => s.State == state, cancellationToken);

    /// <summary>Waits until every instance of the resource is healthy.</summary>
    public Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, CancellationToken cancellationToken) =>
        WaitForStateAsync(resourceName, ResourceState.Healthy, cancellationToken);

    /// <summary>The snapshots of all resources now, then each changed snapshot as it changes.</summary>
    public async IAsyncEnumerable<ResourceSnapshot> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new Dictionary<string, ResourceSnapshot>();
        while (!cancellationToken.IsCancellationRequested)
        {
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            foreach (var snapshot in GetSnapshots())
            {
                if (!seen.TryGetValue(snapshot.Name, out var previous) || !ReferenceEquals(previous, snapshot))
                {
                    seen[snapshot.Name] = snapshot;
                    yield return snapshot;
                }
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Completes at the next change of any resource.</summary>
    internal Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    internal void Register(string resourceName, string resourceType, IEnumerable<string> instanceNames)
    {
        lock (_gate)
        {
            _resources = _resources.SetItem(resourceName, new ResourceSnapshot
            {
                Name = resourceName,
                ResourceType = resourceType,
                Instances = [.. instanceNames.Select(n => new InstanceSnapshot { Name = n })],
            });
            _order = _order.Contains(resourceName) ? _order : _order.Add(resourceName);
        }
    }

    internal InstanceSnapshot UpdateInstance(string resourceName, string instanceName, Func<InstanceSnapshot, InstanceSnapshot> update)
    {
        ResourceSnapshot changedResource;
        InstanceSnapshot changedInstance;
        TaskCompletionSource previous;
        lock (_gate)
        {
            var resource = _resources[resourceName];
            var instances = resource.Instances.ToArray();
            var index = Array.FindIndex(instances, i => i.Name == instanceName);
            if (index < 0)
            {
                throw new KeyNotFoundException($"Resource '{resourceName}' has no instance '{instanceName}'.");
            }

            changedInstance = update(instances[index]);
            if (changedInstance == instances[index])
            {
                return changedInstance;
            }

            instances[index] = changedInstance;
            changedResource = resource with { Instances = instances };
            _resources = _resources.SetItem(resourceName, changedResource);
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
        Changed?.Invoke(changedResource);
        return changedInstance;
    }
}
