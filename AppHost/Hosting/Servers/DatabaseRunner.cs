using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Orchestration;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// A database has no process: it is provisioned each time its server becomes healthy, and is healthy while the server
/// is and the provisioning succeeded (it waits again when the server stops).
/// </summary>
internal sealed class DatabaseRunner(PostgresDatabaseResource database, IReadOnlyList<ProjectResource> services, OrchestratorContext context)
    : LoopResourceRunner(database, context)
{
    private readonly ILogger _logger = context.LoggerFactory.CreateLogger("SecureRag.Hosting.Resources");

    public override void Kill() =>
        throw new InvalidOperationException($"'{database.Name}' is a database, not a process: kill its server '{database.Parent.Name}'.");

    protected override void ReportStopped() => Update(ResourceState.Stopped, null);

    protected override async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await WaitForDependenciesAsync([database.Parent.Name, .. WaitsFor], cancellationToken).ConfigureAwait(false);
                try
                {
                    var admin = Context.Addresses.ConnectionString(database.Parent);
                    var roles = services.Select(s => (s.Name, Context.Addresses.RolePasswords[s.Name])).ToList();
                    await PostgresProvisioner.ProvisionAsync(admin, database, roles, !Context.Addresses.Server(database.Parent).IsExternal, cancellationToken).ConfigureAwait(false);
                    await PostgresProbe.CheckAsync(Context.Addresses.ConnectionString(database), cancellationToken).ConfigureAwait(false);
                    Update(ResourceState.Healthy, null);
                    _logger.LogInformation("{Database} is provisioned for {Services}", database.Name, string.Join(", ", services.Select(s => s.Name)));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning("Provisioning {Database} failed: {Reason}", database.Name, ex.Message);
                    Update(ResourceState.Unhealthy, ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(1), Context.TimeProvider, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await Context.Notifications.WaitForAsync(database.Parent.Name, s => s.State != ResourceState.Healthy, cancellationToken).ConfigureAwait(false);
                Update(ResourceState.Unhealthy, $"{database.Parent.Name} is not healthy");
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private void Update(ResourceState state, string? message)
    {
        var now = Context.TimeProvider.GetUtcNow();
        Context.Notifications.UpdateInstance(database.Name, database.Name, s => s with
        {
            State = state,
            Message = message,
            HealthyAt = state == ResourceState.Healthy ? now : s.HealthyAt,
        });
    }
}
