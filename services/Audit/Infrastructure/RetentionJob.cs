using Dapper;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>Applies each tenant's retention at the configured interval; every purge is recorded in the chain.</summary>
public sealed class RetentionJob(
    ServiceDatabase database,
    RetentionPurger purger,
    TimeProvider time,
    IOptions<AuditOptions> options,
    ILogger<RetentionJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Retention.Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await TryPurgeAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async Task PurgeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var tenantId in await TenantsAsync(cancellationToken))
        {
            var cutoff = time.GetUtcNow() - options.Value.Retention.For(tenantId);
            await purger.PurgeAsync(tenantId, cutoff, PurgeRequester.RetentionJob, cancellationToken);
        }
    }

    private async Task TryPurgeAllAsync(CancellationToken stoppingToken)
    {
        try
        {
            await PurgeAllAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Audit retention purge failed; retrying at the next interval: {Reason}", ex.Message);
        }
    }

    /// <summary>The distinct tenants, by a loose index scan rather than a scan of the whole table.</summary>
    private async Task<IReadOnlyList<string>> TenantsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var tenants = await connection.QueryAsync<string>(new CommandDefinition(
            """
            WITH RECURSIVE tenants AS (
                (SELECT tenant_id FROM audit_events ORDER BY tenant_id LIMIT 1)
                UNION ALL
                SELECT (SELECT e.tenant_id FROM audit_events e WHERE e.tenant_id > t.tenant_id ORDER BY e.tenant_id LIMIT 1)
                FROM tenants t WHERE t.tenant_id IS NOT NULL)
            SELECT tenant_id FROM tenants WHERE tenant_id IS NOT NULL
            """, cancellationToken: cancellationToken));
        return [.. tenants];
    }
}
