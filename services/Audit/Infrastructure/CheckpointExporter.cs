using Microsoft.Extensions.Options;
using SecureRag.Audit.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Audit.Infrastructure;

/// <summary>
/// Exports the chain head as a signed checkpoint at the configured interval, whenever it has moved. Records appended
/// after the last checkpoint can still be deleted unseen; the interval bounds that window.
/// </summary>
public sealed class CheckpointExporter(
    ServiceDatabase database,
    CheckpointStore store,
    CheckpointSigner signer,
    TimeProvider time,
    IOptions<AuditOptions> options,
    ILogger<CheckpointExporter> logger) : BackgroundService
{
    private long _exported = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store.Path is null)
        {
            logger.LogWarning("No {Setting} configured: no checkpoints are exported, so deleting the newest audit records would go unnoticed", "Audit:Checkpoint:Path");
            return;
        }

        using var timer = new PeriodicTimer(options.Value.Checkpoint.Interval, time);
        try
        {
            do
            {
                await TryExportAsync(stoppingToken);
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task TryExportAsync(CancellationToken stoppingToken)
    {
        try
        {
            await ExportAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Audit checkpoint not exported: {Reason}", ex.Message);
        }
    }

    /// <returns>The exported checkpoint, or null when the chain is empty or has not moved.</returns>
    public async Task<Checkpoint?> ExportAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var head = await ChainHeads.ReadAsync(connection, null, cancellationToken);
        if (head.Sequence == 0 || head.Sequence == _exported)
        {
            return null;
        }

        var checkpoint = signer.Sign(head, time.GetUtcNow());
        await store.WriteAsync(checkpoint, cancellationToken);
        _exported = head.Sequence;
        logger.LogInformation("Audit checkpoint exported at sequence {Sequence}", head.Sequence);
        return checkpoint;
    }
}
