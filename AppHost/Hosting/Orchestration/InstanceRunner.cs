using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Runs one process of a resource: prepares it, launches it, probes it until healthy and then periodically, reports
/// every state change, and (for projects) restarts it with exponential back-off when it crashes.
/// </summary>
internal abstract class InstanceRunner(string resourceName, string instanceName, OrchestratorContext context)
{
    private readonly Lock _gate = new();
    private CancellationTokenSource? _cancellation;
    private Task? _loop;
    private ManagedProcess? _process;

    public string ResourceName { get; } = resourceName;

    public string InstanceName { get; } = instanceName;

    protected OrchestratorContext Context { get; } = context;

    protected ILogger Logger { get; } = context.LoggerFactory.CreateLogger("SecureRag.Hosting.Resources");

    /// <summary>The signal that asks the process to shut down cleanly.</summary>
    protected virtual int StopSignal => LibC.SigTerm;

    protected virtual bool RestartOnCrash => false;

    protected virtual IReadOnlyDictionary<string, Uri> Endpoints => new Dictionary<string, Uri>();

    /// <summary>Creates folders and files, runs one-off tools, starts helpers; returns what to run.</summary>
    protected abstract Task<ProcessSpec> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>A real round trip with the process; false or an exception means not healthy.</summary>
    protected abstract Task<bool> ProbeAsync(CancellationToken cancellationToken);

    /// <summary>Runs after the process exited, however it exited (stops helpers).</summary>
    protected virtual Task CleanUpAsync() => Task.CompletedTask;

    /// <summary>Starts the instance unless it is running already; returns at once.</summary>
    public void Start()
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

    /// <summary>Stops the process: its stop signal, then SIGKILL after <see cref="AppHostOptions.StopTimeout"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        Task? loop;
        lock (_gate)
        {
            loop = _loop;
            _cancellation?.Cancel();
        }

        if (loop is not null)
        {
            Update(s => s with { State = ResourceState.Stopping });
            await loop.ConfigureAwait(false);
        }

        var process = _process;
        int? exitCode = null;
        if (process is not null)
        {
            if (!process.HasExited
                && !await process.StopAsync(StopSignal, Context.Options.StopTimeout, Context.TimeProvider, cancellationToken).ConfigureAwait(false))
            {
                Logger.LogWarning("{Instance} did not exit within {Timeout}; killed it", InstanceName, Context.Options.StopTimeout);
            }

            process.KillGroup();
            Context.Pids.Remove(process.Id);
            exitCode = process.Exited.IsCompletedSuccessfully ? process.Exited.Result : null;
            _process = null;
            process.Dispose();
        }

        await CleanUpAsync().ConfigureAwait(false);

        Update(s => s with { State = ResourceState.Stopped, ProcessId = null, ExitCode = exitCode ?? s.ExitCode, Message = null });
    }

    /// <summary>Kills the process with SIGKILL, as a crash would.</summary>
    public void Kill() => _process?.Signal(LibC.SigKill);

    /// <summary>Reports a state change of this instance.</summary>
    protected InstanceSnapshot Update(Func<InstanceSnapshot, InstanceSnapshot> change) =>
        Context.Notifications.UpdateInstance(ResourceName, InstanceName, change);

    /// <summary>Starts a helper process (epmd, initdb) whose output goes to this instance's console.</summary>
    protected ManagedProcess StartHelper(ProcessSpec spec, int stopSignal)
    {
        var helper = ManagedProcess.Start(spec, WriteLine);
        Context.Pids.Add(helper.Id, stopSignal, $"{InstanceName} {Path.GetFileName(spec.FileName)}");
        return helper;
    }

    /// <summary>Runs a one-off tool to completion; throws with the tail of its output when it fails.</summary>
    protected async Task RunToolAsync(ProcessSpec spec, CancellationToken cancellationToken)
    {
        using var tool = StartHelper(spec, LibC.SigTerm);
        try
        {
            var exitCode = await tool.Exited.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (exitCode != 0)
            {
                var tail = string.Join(Environment.NewLine, Context.ConsoleLogs.Tail(InstanceName, 10).Select(l => l.Text));
                throw new InvalidOperationException($"{Path.GetFileName(spec.FileName)} exited with code {exitCode}:{Environment.NewLine}{tail}");
            }
        }
        finally
        {
            await tool.StopAsync(LibC.SigKill, TimeSpan.FromSeconds(5), Context.TimeProvider, CancellationToken.None).ConfigureAwait(false);
            Context.Pids.Remove(tool.Id);
        }
    }

    private void WriteLine(string line, bool isError) => Context.ConsoleLogs.Append(ResourceName, InstanceName, line, isError);

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var crashesInARow = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            ManagedProcess process;
            try
            {
                Update(s => s with { State = ResourceState.Starting, ProcessId = null, Message = null });
                var spec = await PrepareAsync(cancellationToken).ConfigureAwait(false);
                cancellationToken.ThrowIfCancellationRequested();
                process = Launch(spec);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                await CleanUpAsync().ConfigureAwait(false);
                Logger.LogError("{Instance} could not start: {Reason}", InstanceName, ex.Message);
                Update(s => s with { State = ResourceState.Failed, Message = ex.Message });
                return;
            }

            var monitor = new HealthMonitor(ProbeAsync, Context.Options, Context.TimeProvider);
            if (await monitor.WatchAsync(process, ReportHealth, cancellationToken).ConfigureAwait(false) is not { } exitCode)
            {
                return; // a stop was requested: StopAsync takes care of the process
            }

            process.KillGroup();
            Context.Pids.Remove(process.Id);
            await CleanUpAsync().ConfigureAwait(false);
            var previous = Context.Notifications.GetSnapshot(ResourceName).Instances.First(i => i.Name == InstanceName);
            if (!RestartOnCrash)
            {
                Logger.LogError("{Instance} exited unexpectedly with code {ExitCode}", InstanceName, exitCode);
                Update(s => s with { State = ResourceState.Failed, ProcessId = null, ExitCode = exitCode, Message = $"exited with code {exitCode}" });
                return;
            }

            crashesInARow = RestartBackoff.CrashesInARow(crashesInARow, previous.HealthyAt, Context.TimeProvider.GetUtcNow());
            var delay = RestartBackoff.Delay(Context.Options, crashesInARow);
            Logger.LogWarning(
                "{Instance} exited with code {ExitCode}; restarting it in {Delay:0.0} s (crash {Crashes} in a row)",
                InstanceName, exitCode, delay.TotalSeconds, crashesInARow);
            Update(s => s with
            {
                State = ResourceState.Restarting,
                ProcessId = null,
                ExitCode = exitCode,
                RestartCount = s.RestartCount + 1,
                Message = $"exited with code {exitCode}; restarting in {delay.TotalSeconds:0.0} s",
            });
            try
            {
                await Task.Delay(delay, Context.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private ManagedProcess Launch(ProcessSpec spec)
    {
        var process = ManagedProcess.Start(spec, WriteLine);
        _process?.Dispose(); // the previous, crashed process
        _process = process;
        Context.Pids.Add(process.Id, StopSignal, InstanceName);
        Update(s => s with
        {
            State = ResourceState.Running,
            ProcessId = process.Id,
            StartedAt = Context.TimeProvider.GetUtcNow(),
            HealthyAt = null,
            Endpoints = Endpoints,
            Environment = spec.Environment,
        });
        return process;
    }

    private void ReportHealth(bool healthy)
    {
        var now = Context.TimeProvider.GetUtcNow();
        Update(s => s with { State = healthy ? ResourceState.Healthy : ResourceState.Unhealthy, HealthyAt = healthy ? now : s.HealthyAt });
        if (healthy)
        {
            Logger.LogInformation("{Instance} is healthy", InstanceName);
        }
        else
        {
            Logger.LogWarning("{Instance} is unhealthy", InstanceName);
        }
    }
}
