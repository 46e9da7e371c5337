namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Probes a running process: often until it is healthy (<see cref="AppHostOptions.StartupProbeInterval"/>), then every
/// <see cref="AppHostOptions.HealthCheckInterval"/>, reporting each change of health, until the process exits.
/// </summary>
internal sealed class HealthMonitor(Func<CancellationToken, Task<bool>> probe, AppHostOptions options, TimeProvider timeProvider)
{
    /// <summary>Watches until the process exits (returns its exit code) or <paramref name="cancellationToken"/> fires (returns null).</summary>
    public async Task<int?> WatchAsync(ManagedProcess process, Action<bool> healthChanged, CancellationToken cancellationToken)
    {
        var healthy = false;
        while (true)
        {
            var ok = await ProbeOnceAsync(cancellationToken).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (process.HasExited)
            {
                return process.Exited.Result;
            }

            if (ok != healthy)
            {
                healthy = ok;
                healthChanged(ok);
            }

            var interval = healthy ? options.HealthCheckInterval : options.StartupProbeInterval;
            await Task.WhenAny(Task.Delay(interval, timeProvider, cancellationToken), process.Exited).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                return null;
            }

            if (process.HasExited)
            {
                return process.Exited.Result;
            }
        }
    }

    private async Task<bool> ProbeOnceAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ProbeTimeout);
        try
        {
            return await probe(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Refused, reset, timed out, wrong answer: all mean "not healthy now".
            return false;
        }
    }
}
