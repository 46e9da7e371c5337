using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>A resource made of processes: a server (one instance) or a project (one instance per replica).</summary>
internal sealed class ProcessResourceRunner(IResource resource, IReadOnlyList<InstanceRunner> instances, OrchestratorContext context)
    : ResourceRunner(resource, context)
{
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private CancellationTokenSource? _waiting;
    private Task? _start;

    public override IReadOnlyList<string> InstanceNames { get; } = [.. instances.Select(i => i.InstanceName)];

    public override void Start()
    {
        _lifecycle.Wait();
        try
        {
            if (_start is { IsCompleted: false })
            {
                return;
            }

            _waiting = new CancellationTokenSource();
            var token = _waiting.Token;
            _start = Task.Run(async () =>
            {
                await WaitForDependenciesAsync(WaitsFor, token).ConfigureAwait(false);
                foreach (var instance in instances)
                {
                    instance.Start();
                }
            }, CancellationToken.None);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_waiting is { } waiting)
            {
                await waiting.CancelAsync().ConfigureAwait(false);
            }

            if (_start is { } start)
            {
                await start.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default).ConfigureAwait(false);
            }

            await Task.WhenAll(instances.Select(i => i.StopAsync(cancellationToken))).ConfigureAwait(false);
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public override void Kill()
    {
        foreach (var instance in instances)
        {
            instance.Kill();
        }
    }
}
