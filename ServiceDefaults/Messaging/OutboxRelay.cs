using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Dapper;
using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Telemetry;

namespace SecureRag.ServiceDefaults.Messaging;

/// <summary>
/// Publishes committed outbox rows, waiting for the broker's confirmation of each before marking it sent: at least
/// once, in order per aggregate. Different aggregates are published concurrently (one at a time would wait a round
/// trip per message); one aggregate's rows go in sequence order, and a failed publish stops that aggregate's rows
/// until the next attempt. One replica relays at a time (a transaction-scoped advisory lock), so order holds across
/// replicas too.
/// </summary>
internal sealed class OutboxRelay(
    ServiceDatabase database,
    IBus bus,
    OutboxSignal signal,
    ServiceTelemetry telemetry,
    TimeProvider time,
    IOptions<MessagingOptions> options,
    ILogger<OutboxRelay> logger) : BackgroundService
{
    private static readonly TimeSpan MinBackoff = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private const int MaxConcurrentAggregates = 64;

    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = MinBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var more = await RelayBatchAsync(stoppingToken);
                await CleanupIfDueAsync(stoppingToken);
                backoff = MinBackoff;
                if (!more)
                {
                    await signal.WaitAsync(options.Value.RelayPollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox relay paused for {Backoff}: {Reason}", backoff, ex.Message);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    /// <returns>Whether a full batch was sent, so more rows may be waiting.</returns>
    private Task<bool> RelayBatchAsync(CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var locked = await session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT pg_try_advisory_xact_lock(hashtext('securerag.outbox.' || current_schema()))",
                transaction: session.Transaction, cancellationToken: ct));
            if (!locked)
            {
                return false;
            }

            var rows = (await session.Connection.QueryAsync<OutboxRow>(new CommandDefinition(
                """
                SELECT sequence, message_id AS MessageId, aggregate_id AS AggregateId, message_type AS MessageType, body::text AS Body,
                       trace_parent AS TraceParent, trace_state AS TraceState
                FROM outbox_messages WHERE sent_at IS NULL ORDER BY sequence LIMIT @Limit
                """,
                new { Limit = options.Value.RelayBatchSize }, session.Transaction, cancellationToken: ct))).ToList();

            var sent = new ConcurrentBag<long>();
            Exception? failure = null;
            var aggregates = rows.GroupBy(r => r.AggregateId ?? r.MessageId.ToString());
            await Parallel.ForEachAsync(aggregates, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentAggregates, CancellationToken = ct }, async (aggregate, token) =>
            {
                foreach (var row in aggregate)
                {
                    try
                    {
                        await PublishAsync(row, token);
                        sent.Add(row.Sequence);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
                    {
                        Interlocked.CompareExchange(ref failure, ex, null);
                        return;
                    }
                }
            });

            if (sent.Count > 0)
            {
                await session.Connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox_messages SET sent_at = now() WHERE sequence = ANY(@Sent)",
                    new { Sent = sent.ToArray() }, session.Transaction, cancellationToken: ct));
            }

            // Commit what was confirmed before reporting the failure, so it is not sent again.
            session.OnCommitted(() =>
            {
                if (failure is not null)
                {
                    logger.LogWarning("Outbox publish failed after {Sent} of {Count} messages: {Reason}", sent.Count, rows.Count, failure.Message);
                }
            });
            return failure is null && rows.Count == options.Value.RelayBatchSize;
        }, cancellationToken);

    private async Task PublishAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var type = typeof(IntegrationEvent).Assembly.GetType(row.MessageType, throwOnError: true)!;
        var message = JsonSerializer.Deserialize(row.Body, type, Outbox.Json)!;

        ActivityContext.TryParse(row.TraceParent, row.TraceState, isRemote: true, out var parent);
        using var activity = telemetry.ActivitySource.StartActivity($"outbox relay {type.Name}", ActivityKind.Internal, parent);
        activity?.SetTag("messaging.message.id", row.MessageId);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Value.PublishTimeout);
        await bus.Publish(message, type, context => context.MessageId = row.MessageId, timeout.Token);
    }

    private async Task CleanupIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupInterval;
        var before = now - options.Value.Retention;
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM outbox_messages WHERE sent_at < @Before;
            DELETE FROM inbox_messages WHERE processed_at < @Before;
            """,
            new { Before = before }, cancellationToken: cancellationToken));
    }

    private sealed record OutboxRow(long Sequence, Guid MessageId, string? AggregateId, string MessageType, string Body, string? TraceParent, string? TraceState);
}
