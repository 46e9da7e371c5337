using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Otlp;
using SecureRag.Hosting.Projects;
using SecureRag.Hosting.Web;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Runs the app model: claims the data directory, cleans up after a killed predecessor, plans ports and credentials,
/// starts the OTLP receiver and every resource (each once what it waits for is healthy, the others in parallel), and
/// stops them in order: projects, then servers.
/// </summary>
internal sealed class Orchestrator(
    IResourceCollection resources,
    IConfiguration configuration,
    IOptions<AppHostOptions> options,
    ResourceNotificationService notifications,
    ResourceConsoleLogs consoleLogs,
    TelemetryStore telemetry,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider)
{
    private readonly AppHostOptions _options = options.Value;
    private readonly ILogger _logger = loggerFactory.CreateLogger<Orchestrator>();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private readonly Dictionary<string, ResourceRunner> _runners = [];
    private OrchestratorContext? _context;
    private DataDirectoryLock? _lock;
    private TelemetryReceiverHost? _receiver;
    private HttpClient? _probeClient;
    private bool _stopped;

    public OrchestratorContext Context => _context ?? throw new InvalidOperationException("The application has not been started.");

    /// <summary>The dashboard's login link, printed in the table of resources once everything is up.</summary>
    public Uri? DashboardLink { get; set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_context is not null || _stopped)
            {
                throw new InvalidOperationException("The application can be started only once.");
            }

            var started = timeProvider.GetTimestamp();
            var repository = _options.RepositoryRoot ?? RepositoryLocator.Find(_options.RepositoryMarker);
            var data = Path.GetFullPath(_options.DataDirectory ?? ".data", repository);
            Directory.CreateDirectory(data);
            File.SetUnixFileMode(data, (UnixFileMode)0b111_101_101); // the postgres user must reach its folder
            _lock = DataDirectoryLock.Acquire(data);

            var pids = new PidRegistry(Path.Combine(data, "apphost.pids"), _logger);
            await pids.CleanUpOrphansAsync(timeProvider, cancellationToken).ConfigureAwait(false);
            var addresses = AddressPlanner.Plan(resources, configuration, name => Path.Combine(data, name), _logger);
            _receiver = new TelemetryReceiverHost(telemetry, loggerFactory, timeProvider);
            addresses.OtlpEndpoint = await _receiver.StartAsync(_options.OtlpPort, cancellationToken).ConfigureAwait(false);
            _probeClient = new HttpClient(new SocketsHttpHandler { ConnectTimeout = _options.ProbeTimeout, PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30), UseProxy = false })
            {
                Timeout = _options.ProbeTimeout,
            };
            _context = new OrchestratorContext(_options, repository, data, addresses, notifications, consoleLogs, pids, timeProvider, loggerFactory, _probeClient);

            _logger.LogInformation("Starting {Count} resources (data in {DataDirectory}, OTLP receiver on {Otlp})", resources.Count, data, addresses.OtlpEndpoint);
            foreach (var resource in resources)
            {
                _runners[resource.Name] = RunnerFactory.Create(resource, [.. resources], _context);
            }

            foreach (var runner in _runners.Values)
            {
                runner.Start();
            }

            await WaitUntilHealthyAsync(cancellationToken).ConfigureAwait(false);
            var elapsed = timeProvider.GetElapsedTime(started);
            if (_options.ForwardConsoleOutput)
            {
                // A table for people; the console logger would fold it into one line.
                ResourceConsoleLogs.WriteBlock(ResourceTable.Format(notifications.GetSnapshots(), addresses, DashboardLink));
            }

            _logger.LogInformation(
                "{Application} is running: all {Count} resources healthy in {Seconds} s",
                _options.ApplicationName, resources.Count, elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Stops the projects (in parallel), then the databases and servers; idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _lifecycle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            if (_runners.Count > 0)
            {
                _logger.LogInformation("Stopping {Count} resources", _runners.Count);
            }

            var runners = _runners.Values.ToList();
            await Task.WhenAll(runners.Where(r => r.Resource is ProjectResource).Select(r => r.StopAsync(cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(runners.Where(r => r.Resource is PostgresDatabaseResource).Select(r => r.StopAsync(cancellationToken))).ConfigureAwait(false);
            await Task.WhenAll(runners.Where(r => r.Resource is not (ProjectResource or PostgresDatabaseResource)).Select(r => r.StopAsync(cancellationToken))).ConfigureAwait(false);
            if (_receiver is not null)
            {
                await _receiver.DisposeAsync().ConfigureAwait(false);
            }

            _probeClient?.Dispose();
            if (_context is not null)
            {
                File.Delete(Path.Combine(_context.DataDirectory, "apphost.pids"));
            }

            _lock?.Dispose();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public Task StopResourceAsync(string name, CancellationToken cancellationToken) => Runner(name).StopAsync(cancellationToken);

    public void StartResource(string name) => Runner(name).Start();

    public void KillResource(string name) => Runner(name).Kill();

    /// <summary>
    /// Runs a project's build output once with <paramref name="arguments"/> and the environment its first replica
    /// receives, and returns its exit code and the last lines of its output.
    /// </summary>
    public async Task<ProjectCommandResult> RunProjectCommandAsync(string name, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        const int KeptLines = 200;
        if (Runner(name).Resource is not ProjectResource project)
        {
            throw new InvalidOperationException($"'{name}' is not a project.");
        }

        var assembly = ProjectLayout.EntryAssembly(project, Context.RepositoryRoot, Context.Options.BuildConfiguration ?? BuildInfo.Configuration);
        var spec = new ProcessSpec
        {
            FileName = BuildInfo.DotnetHost,
            Arguments = [assembly, .. arguments],
            WorkingDirectory = Path.GetDirectoryName(ProjectLayout.ProjectFile(project, Context.RepositoryRoot))!,
            Environment = ProjectEnvironment.Build(project, 0, $"{project.Name}-command", Context),
            RemoveInheritedPrefixes = ProjectEnvironment.RemovedPrefixes,
        };
        var output = new ConcurrentQueue<string>();
        using var process = ManagedProcess.Start(spec, (line, _) =>
        {
            output.Enqueue(line);
            while (output.Count > KeptLines && output.TryDequeue(out string? _))
            {
            }
        });
        Context.Pids.Add(process.Id, LibC.SigTerm, $"{project.Name} command");
        try
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAndOutputAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"'{name} {string.Join(' ', arguments)}' did not finish within {timeout.TotalSeconds:0.#} s.");
            }

            return new ProjectCommandResult(await process.Exited.ConfigureAwait(false), [.. output]);
        }
        finally
        {
            process.Signal(LibC.SigKill); // only while it has not exited: its pid is still its own
            process.KillGroup();
            Context.Pids.Remove(process.Id);
        }
    }

    private ResourceRunner Runner(string name)
    {
        _ = Context;
        return _runners.TryGetValue(name, out var runner) ? runner : throw new KeyNotFoundException($"There is no resource named '{name}'.");
    }

    private async Task WaitUntilHealthyAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (_options.StartupTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        try
        {
            while (true)
            {
                var next = notifications.NextChange;
                var snapshots = notifications.GetSnapshots();
                if (snapshots.All(s => s.State == ResourceState.Healthy))
                {
                    return;
                }

                var failed = snapshots.Where(s => s.State == ResourceState.Failed).ToList();
                if (failed.Count > 0)
                {
                    throw new DistributedApplicationException(
                        $"Resource(s) failed to start: {StartupReport.Describe(failed, consoleLogs)}");
                }

                await next.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var late = notifications.GetSnapshots().Where(s => s.State != ResourceState.Healthy).ToList();
            throw new TimeoutException(
                $"Resource(s) not healthy after {_options.StartupTimeout?.TotalSeconds:0.#} s: {StartupReport.Describe(late, consoleLogs)}");
        }
    }
}
