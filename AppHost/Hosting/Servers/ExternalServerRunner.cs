using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// A server given by a connection string in configuration: nothing is started; it is probed like our own, and its
/// state follows the probe. It cannot be stopped or killed from here.
/// </summary>
internal sealed class ExternalServerRunner(IResource resource, Func<CancellationToken, Task<bool>> probe, OrchestratorContext context)
    : LoopResourceRunner(resource, context)
{
    public override void Kill() => throw new InvalidOperationException($"'{Resource.Name}' is an external server: the AppHost does not own its process.");

    protected override void ReportStopped() => Update(ResourceState.Stopped);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        Update(ResourceState.Starting);
        while (!cancellationToken.IsCancellationRequested)
        {
            bool healthy;
            using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                timeout.CancelAfter(Context.Options.ProbeTimeout);
                try
                {
                    healthy = await probe(timeout.Token).ConfigureAwait(false);
                }
                catch (Exception)
                {
                    healthy = false;
                }
            }

            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            Update(healthy ? ResourceState.Healthy : ResourceState.Unhealthy);
            var interval = healthy ? Context.Options.HealthCheckInterval : Context.Options.StartupProbeInterval;
            try
            {
                await Task.Delay(interval, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Update(ResourceState state)
    {
        var now = Context.TimeProvider.GetUtcNow();
        Context.Notifications.UpdateInstance(Resource.Name, Resource.Name, s => s.State == state ? s : s with
        {
            State = state,
            HealthyAt = state == ResourceState.Healthy ? now : s.HealthyAt,
        });
    }
}
