using Microsoft.Extensions.Options;

namespace SecureRag.Ingestion.Infrastructure.Jobs;

/// <summary>
/// Puts waiting jobs back on the queue when their retry is due, and re-sends jobs that look stuck (queued or running
/// for long with no live worker holding them), through the outbox. Durable: the schedule is the jobs table, so a
/// restart loses nothing, and RabbitMQ needs no delayed-message plug-in.
/// </summary>
public sealed class JobScheduler(JobStore jobs, IOptions<IngestionOptions> options, TimeProvider time, ILogger<JobScheduler> logger) : BackgroundService
{
    private const int BatchSize = 100;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var requeued = await jobs.RequeueDueAsync(options.Value.StuckJobAfter, BatchSize, stoppingToken);
                if (requeued > 0)
                {
                    logger.LogInformation("Put {Count} due or stuck ingestion jobs back on the queue", requeued);
                }

                if (requeued == BatchSize)
                {
                    continue;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Ingestion job scheduler pass failed: {Reason}", ex.Message);
            }

            await Task.Delay(options.Value.SchedulerInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
