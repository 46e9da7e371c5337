using System.Runtime.InteropServices;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Dashboard;
using SecureRag.Hosting.Orchestration;
using SecureRag.Hosting.Otlp;

namespace SecureRag.Hosting;

/// <summary>
/// The running distributed application: starts every resource of the model, exposes their states, endpoints,
/// connection strings, console output and telemetry, and stops them all (projects first, then servers).
/// </summary>
public sealed class DistributedApplication : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Orchestrator _orchestrator;
    private readonly IResourceCollection _resources;
    private readonly ILogger _logger;
    private readonly List<Func<ValueTask>> _onDisposed = [];
    private DashboardHost? _dashboard;
    private bool _disposed;

    internal DistributedApplication(ServiceProvider services)
    {
        _services = services;
        _orchestrator = services.GetRequiredService<Orchestrator>();
        _resources = services.GetRequiredService<IResourceCollection>();
        _logger = services.GetRequiredService<ILoggerFactory>().CreateLogger<DistributedApplication>();
        ResourceNotifications = services.GetRequiredService<ResourceNotificationService>();
        ConsoleLogs = services.GetRequiredService<ResourceConsoleLogs>();
        Telemetry = services.GetRequiredService<TelemetryStore>();
        foreach (var resource in _resources)
        {
            ResourceNotifications.Register(resource.Name, ResourceTypes.Of(resource), ResourceTypes.InstanceNames(resource));
        }
    }

    /// <summary>The AppHost's services.</summary>
    public IServiceProvider Services => _services;

    /// <summary>The resources of the model.</summary>
    public IReadOnlyList<IResource> Resources => [.. _resources];

    /// <summary>The state of every resource: read it, wait for one, watch the changes.</summary>
    public ResourceNotificationService ResourceNotifications { get; }

    /// <summary>The recent console output of every resource instance.</summary>
    public ResourceConsoleLogs ConsoleLogs { get; }

    /// <summary>The spans and logs the projects exported to the AppHost's OTLP receiver.</summary>
    public TelemetryStore Telemetry { get; }

    /// <summary>The data directory in use (after <see cref="StartAsync"/>).</summary>
    public string DataDirectory => _orchestrator.Context.DataDirectory;

    /// <summary>The base address of the OTLP/HTTP receiver (after <see cref="StartAsync"/>).</summary>
    public Uri OtlpEndpoint => _orchestrator.Context.Addresses.OtlpEndpoint!;

    /// <summary>The dashboard's base address, once started; null when the dashboard is off (<c>AppHost:Dashboard:Enabled</c>).</summary>
    public Uri? DashboardEndpoint => _dashboard?.Endpoint;

    /// <summary>The link that signs a browser in to the dashboard: its address with this run's login token.</summary>
    public Uri? DashboardLoginUrl => _dashboard?.LoginLink;

    /// <summary>Creates a builder configured from <c>appsettings.json</c>, environment variables and <paramref name="args"/>.</summary>
    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => new DistributedApplicationBuilder(args);

    /// <summary>
    /// Starts every resource (each once what it waits for is healthy) and returns when all are healthy.
    /// </summary>
    /// <exception cref="DistributedApplicationException">A resource failed to start.</exception>
    /// <exception cref="TimeoutException"><see cref="AppHostOptions.StartupTimeout"/> passed first.</exception>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var options = _services.GetRequiredService<IOptions<AppHostOptions>>().Value;
        if (options.Dashboard.Enabled && _dashboard is null)
        {
            // First, so the start itself can be watched on the dashboard.
            _dashboard = new DashboardHost(
                new DashboardContext(this, options.Dashboard, options.ApplicationName, _services.GetService<IDashboardAuditTrail>(), _services.GetRequiredService<TimeProvider>()),
                _services.GetRequiredService<ILoggerFactory>());
            await _dashboard.StartAsync(cancellationToken).ConfigureAwait(false);
            _orchestrator.DashboardLink = _dashboard.LoginLink;
            _logger.LogInformation("Dashboard: {DashboardLink}", _dashboard.LoginLink);
        }

        await _orchestrator.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Starts the application and runs it until Ctrl+C, SIGTERM or <paramref name="cancellationToken"/>; then stops it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        using var shutdown = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true; // we stop the children in order, then exit
            if (!shutdown.IsCancellationRequested)
            {
                _logger.LogInformation("{Signal} received: stopping", context.Signal);
                shutdown.Cancel();
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
        using var quit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, OnSignal);
        try
        {
            await StartAsync(shutdown.Token).ConfigureAwait(false);
            await Task.Delay(Timeout.Infinite, shutdown.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (shutdown.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is DistributedApplicationException or TimeoutException or InvalidOperationException)
        {
            _logger.LogCritical("The application could not start: {Reason}", ex.Message);
            Environment.ExitCode = 1;
        }
        finally
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Stops the projects (SIGTERM, then SIGKILL after the stop timeout), then the servers; idempotent.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        await _orchestrator.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_dashboard is { } dashboard)
        {
            await dashboard.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The address of an endpoint: <c>http</c> or <c>grpc</c> of a project replica, <c>tcp</c> of a server.</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = ProjectResource.HttpEndpointName, int replica = 0) =>
        _orchestrator.Context.Addresses.Endpoint(resourceName, endpointName, replica);

    /// <summary>
    /// The connection string of a server or database as the AppHost holds it: the administrator's for
    /// <c>postgres</c> and <c>securerag</c>, the ones projects receive for <c>cache</c> and <c>messaging</c>.
    /// </summary>
    public string GetConnectionString(string resourceName) =>
        Find(resourceName) is IResourceWithConnectionString resource
            ? _orchestrator.Context.Addresses.ConnectionString(resource)
            : throw new InvalidOperationException($"'{resourceName}' has no connection string.");

    /// <summary>The connection string <paramref name="projectName"/> receives for its database: its own role and schema.</summary>
    public string GetDatabaseConnectionString(string projectName)
    {
        var project = Find(projectName) as ProjectResource
            ?? throw new InvalidOperationException($"'{projectName}' is not a project.");
        var database = project.Annotations.OfType<ResourceReferenceAnnotation>().Select(a => a.Resource).OfType<PostgresDatabaseResource>().FirstOrDefault()
            ?? throw new InvalidOperationException($"'{projectName}' does not reference a database.");
        return _orchestrator.Context.Addresses.RoleConnectionString(database, project);
    }

    /// <summary>Stops one resource (its processes, gracefully); its dependents keep running.</summary>
    public Task StopResourceAsync(string resourceName, CancellationToken cancellationToken = default) =>
        _orchestrator.StopResourceAsync(resourceName, cancellationToken);

    /// <summary>Starts a stopped resource again, once what it waits for is healthy; returns at once.</summary>
    public Task StartResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _orchestrator.StartResource(resourceName);
        return Task.CompletedTask;
    }

    /// <summary>Kills a resource's processes with SIGKILL, like a crash; projects are then restarted with back-off.</summary>
    public Task KillResourceAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _orchestrator.KillResource(resourceName);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Runs a project's build output once, with <paramref name="arguments"/> and the environment its first replica
    /// receives (a command-line mode of the service, such as the Audit service's <c>verify</c>), and returns its exit
    /// code and the last lines of its output.
    /// </summary>
    /// <exception cref="TimeoutException">It did not finish within <paramref name="timeout"/>; it was killed.</exception>
    public Task<ProjectCommandResult> RunProjectCommandAsync(
        string projectName, IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _orchestrator.RunProjectCommandAsync(projectName, arguments, timeout, cancellationToken);

    /// <summary>The current state of a resource.</summary>
    public ResourceState GetResourceState(string resourceName) => ResourceNotifications.GetState(resourceName);

    /// <summary>Waits until every instance of the resource is healthy.</summary>
    /// <exception cref="TimeoutException">Not healthy within <paramref name="timeout"/>; the message shows its state and last output.</exception>
    /// <exception cref="DistributedApplicationException">The resource failed (and will not be restarted).</exception>
    public async Task<ResourceSnapshot> WaitForResourceHealthyAsync(string resourceName, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var snapshot = await ResourceNotifications.WaitForAsync(
                resourceName, s => s.State is ResourceState.Healthy or ResourceState.Failed, limit.Token).ConfigureAwait(false);
            return snapshot.State == ResourceState.Healthy
                ? snapshot
                : throw new DistributedApplicationException($"'{resourceName}' failed: {StartupReport.Describe([snapshot], ConsoleLogs)}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"'{resourceName}' not healthy after {timeout.TotalSeconds:0.#} s: {StartupReport.Describe([ResourceNotifications.GetSnapshot(resourceName)], ConsoleLogs)}");
        }
    }

    /// <summary>Stops everything and releases the AppHost's services.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await _services.DisposeAsync().ConfigureAwait(false);
            foreach (var callback in _onDisposed)
            {
                await callback().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs <paramref name="callback"/> after the application is disposed (the testing builder removes its data).</summary>
    internal void OnDisposed(Func<ValueTask> callback) => _onDisposed.Add(callback);

    private IResource Find(string name) => _resources.Find(name) ?? throw new KeyNotFoundException($"There is no resource named '{name}'.");
}
