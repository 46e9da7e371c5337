using System.Diagnostics;
using Microsoft.Extensions.Options;
using Npgsql;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.AuditBench;

public sealed class AuditPublisher(ServiceDatabase database, AuditTrail auditTrail, IOptions<BenchOptions> options)
{
    /// <returns>Events published per second, from the first raise until the outbox has no unsent row.</returns>
    public async Task<double> RaiseAsync(CancellationToken cancellationToken)
    {
        var bench = options.Value;
        var clock = Stopwatch.StartNew();
        for (var raised = 0; raised < bench.Events; raised += bench.EventsPerTransaction)
        {
            var count = Math.Min(bench.EventsPerTransaction, bench.Events - raised);
            var first = bench.FirstEvent + raised;
            await database.InTransactionAsync(async (session, ct) =>
            {
                for (var i = 0; i < count; i++)
                {
                    await auditTrail.RaiseAsync(session, Event(first + i), ct);
                }
            }, cancellationToken);
        }

        Console.Error.WriteLine($"[audit-bench] raised {bench.Events} events into the outbox in {clock.Elapsed.TotalSeconds:F1} s");
        await WaitUntilAsync(database.DataSource, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL", n => n == 0, clock, cancellationToken);
        return bench.Events / clock.Elapsed.TotalSeconds;
    }

    /// <returns>
    /// Events stored per second, over the span of their recorded times (from the first batch's commit to the last),
    /// so the Audit service's start-up is not counted.
    /// </returns>
    public async Task<double> WaitForStoredAsync(CancellationToken cancellationToken)
    {
        var bench = options.Value;
        await using var audit = NpgsqlDataSource.Create(bench.AuditDatabase);
        await WaitUntilAsync(audit, "SELECT count(*) FROM audit_events", n => n >= bench.Events, Stopwatch.StartNew(), cancellationToken);
        await using var command = audit.CreateCommand(
            "SELECT count(*), extract(epoch FROM max(recorded_at) - min(recorded_at)), count(DISTINCT recorded_at) FROM audit_events");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (stored, seconds, batches) = (reader.GetInt64(0), (double)reader.GetDecimal(1), reader.GetInt64(2));

        // The first batch's own write time is not inside the span; count it as one average batch.
        var span = seconds * batches / Math.Max(1, batches - 1);
        Console.Error.WriteLine($"[audit-bench] {stored} events stored in {batches} batches over {span:F1} s");
        return stored / span;
    }

    private static async Task WaitUntilAsync(NpgsqlDataSource source, string countSql, Func<long, bool> done, Stopwatch clock, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromMinutes(60);
        await using var command = source.CreateCommand(countSql);
        while (!done((long)(await command.ExecuteScalarAsync(cancellationToken))!))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not done within {timeout}: {countSql}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private static AuditEventRaised Event(int n) => new()
    {
        TenantId = $"tenant-{n % 20}",
        Actor = new AuditActor("apikey", $"key-{n % 1000}"),
        Action = n % 10 == 0 ? "auth.failed" : "query.answered",
        Target = $"app-{n % 50}",
        Outcome = n % 10 == 0 ? "denied" : "success",
        ClientAddress = $"198.51.100.{n % 250}",
        AppId = $"app-{n % 50}",
        Details = new Dictionary<string, string> { ["prompt_sha256"] = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", ["tokens"] = "412" },
    };
}
