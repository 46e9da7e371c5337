using SecureRag.Audit.Consumers;
using SecureRag.Audit.Domain;

namespace SecureRag.Audit.Tests;

/// <summary>
/// The consumer's effect (<see cref="AuditEventRaisedConsumer"/> maps a batch and calls the chain writer), exercised
/// on the storage path directly; delivery over RabbitMQ belongs to the integration tests.
/// </summary>
public sealed class ChainWriterTests(AuditPostgresServer server)
{
    [Fact]
    public async Task EventDeliveredTwiceIsStoredOnce()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        var (first, second, third) = (Events.Entry(), Events.Entry(), Events.Entry());

        await host.Writer.AppendAsync([first, second], TestContext.Current.CancellationToken);
        var again = await host.Writer.AppendAsync([second, third, third, first], TestContext.Current.CancellationToken);

        Assert.Equal(1, again);
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM audit_events"));
        Assert.Equal(1, await host.ScalarAsync($"SELECT count(*) FROM audit_events WHERE event_id = '{second.EventId}'"));
        Assert.Equal(3, await host.ScalarAsync("SELECT max(sequence) FROM audit_events"));
        Assert.True((await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken)).Ok);
    }

    [Fact]
    public async Task StoredRecordCarriesTheTraceAndSpanOfTheRaiser()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        var raised = Events.Raised(traceId: "4bf92f3577b34da6a3ce929d0e0e4736");

        await host.Writer.AppendAsync([AuditEntries.FromEvent(raised)], TestContext.Current.CancellationToken);

        Assert.Equal(1, await host.ScalarAsync(
            $"SELECT count(*) FROM audit_events WHERE trace_id = '{raised.TraceId}' AND span_id = '{raised.SpanId}' AND event_id = '{raised.EventId}'"));
    }

    [Fact]
    public async Task TwoInstancesAppendingAtOnceProduceOneUnbrokenChain()
    {
        await using var first = await AuditTestHost.StartAsync(server);
        await using var second = await AuditTestHost.ConnectAsync(server, first.Database, first.CheckpointPath);
        var shared = Events.Entries(20);

        // Each instance appends 40 batches of 25 on 4 concurrent connections, plus a batch both receive.
        var writers = new[] { first, second }.SelectMany(host => Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await host.Writer.AppendAsync(Events.Entries(25), TestContext.Current.CancellationToken);
            }

            await host.Writer.AppendAsync(shared, TestContext.Current.CancellationToken);
        })));
        await Task.WhenAll(writers);

        var result = await second.Verifier.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Null(result.Fault);
        Assert.Equal(2 * 4 * 10 * 25 + 20, result.RecordsChecked);
        Assert.Equal(result.RecordsChecked, await first.ScalarAsync("SELECT max(sequence) FROM audit_events"));
    }

    [Fact]
    public async Task TextThatPostgreSqlCannotHoldIsStoredCleanedAndVerifies()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        var raised = Events.Raised() with
        {
            Reason = "nul\0inside",
            Details = new Dictionary<string, string> { ["answer"] = "lone surrogate \ud800 here", ["empty"] = "" },
        };

        await host.Writer.AppendAsync([AuditEntries.FromEvent(raised)], TestContext.Current.CancellationToken);

        Assert.True((await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken)).Ok);
    }
}
