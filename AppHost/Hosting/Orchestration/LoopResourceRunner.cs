using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Runs a resource that has no process of its own: a background loop keeps its state from <see cref="Start"/> until
/// <see cref="StopAsync"/>. Starting again while the loop runs does nothing.
/// </summary>
internal abstract class LoopResourceRunner(IResource resource, OrchestratorContext context) : ResourceRunner(resource, context)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cancellation;
    private Task? _loop;

    public override IReadOnlyList<string> InstanceNames { get; } = [resource.Name];

    public override void Start()
    {
        lock (_gate)
        {
            if (_loop is { IsCompleted: false })
            {
                return;
            }

            _cancellation = new CancellationTokenSource();
            var token = _cancellation.Token;
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _cancellation?.Cancel();
        }

        if (loop is not null)
        {
            await loop.ConfigureAwait(false);
        }

        ReportStopped();
    }

    /// <summary>The loop; it ends when <paramref name="cancellationToken"/> is cancelled.</summary>
    protected abstract Task RunAsync(CancellationToken cancellationToken);

    /// <summary>Reports the resource stopped, once the loop has ended.</summary>
    protected abstract void ReportStopped();
}
