using Microsoft.Extensions.DependencyInjection;
using SecureRag.Audit.Domain;
using SecureRag.Audit.Infrastructure;

namespace SecureRag.Audit.Tests;

public sealed class RetentionPurgeTests(AuditPostgresServer server)
{
    private static readonly DateTimeOffset Old = DateTimeOffset.UtcNow.AddDays(-100);
    private static readonly DateTimeOffset Cutoff = DateTimeOffset.UtcNow.AddDays(-30);

    [Fact]
    public async Task PurgeRemovesOnlyTheTenantsExpiredRecordsRecordsItselfAndVerificationStillPasses()
    {
        await using var host = await InterleavedChainAsync();

        var result = await Purger(host).PurgeAsync("tenant-a", Cutoff, PurgeRequester.RetentionJob, TestContext.Current.CancellationToken);

        Assert.Equal(6, result.Removed);
        Assert.Equal(0, await host.ScalarAsync($"SELECT count(*) FROM audit_events WHERE tenant_id = 'tenant-a' AND kind = 0 AND occurred_at < now() - interval '30 days'"));
        Assert.Equal(4, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE tenant_id = 'tenant-a' AND kind = 0"));
        Assert.Equal(6, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE tenant_id = 'tenant-b'"));
        Assert.Equal(1, await host.ScalarAsync(
            $"SELECT count(*) FROM audit_events WHERE sequence = {result.PurgeSequence} AND kind = 1 AND tenant_id = 'tenant-a' AND action = 'audit.purged' AND details->>'removed' = '6'"));
        Assert.Null((await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken)).Fault);
    }

    [Fact]
    public async Task PurgeWithNothingExpiredChangesNothing()
    {
        await using var host = await InterleavedChainAsync();

        var result = await Purger(host).PurgeAsync("tenant-b", Old.AddDays(-1), PurgeRequester.RetentionJob, TestContext.Current.CancellationToken);

        Assert.Equal(PurgeResult.Nothing, result);
        Assert.Equal(16, await host.ScalarAsync("SELECT count(*) FROM audit_events"));
    }

    [Fact]
    public async Task RetentionJobAppliesEachTenantsOwnRetentionAndChainStaysVerifiable()
    {
        await using var host = await InterleavedChainAsync();
        await host.Writer.AppendAsync([Events.Entry("tenant-b", occurredAt: DateTimeOffset.UtcNow.AddDays(-400))], TestContext.Current.CancellationToken);

        // Default retention (365 days) for both tenants: only tenant-b's 400-day-old record has expired.
        await host.Services.GetRequiredService<RetentionJob>().PurgeAllAsync(TestContext.Current.CancellationToken);
        await host.Writer.AppendAsync(Events.Entries(2), TestContext.Current.CancellationToken);

        Assert.Equal(6, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE tenant_id = 'tenant-b' AND kind = 0"));
        Assert.Equal(12, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE tenant_id = 'tenant-a' AND kind = 0"));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE kind = 1 AND tenant_id = 'tenant-b'"));
        Assert.Null((await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken)).Fault);
    }

    [Fact]
    public async Task DeletionOutsideThePurgeIsStillDetectedAfterAPurge()
    {
        await using var host = await InterleavedChainAsync();
        await Purger(host).PurgeAsync("tenant-a", Cutoff, PurgeRequester.RetentionJob, TestContext.Current.CancellationToken);

        await host.TamperAsync("DELETE FROM audit_events WHERE sequence = 12");

        TamperDetectionTests.AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 12, ChainFaultKind.Missing);
    }

    [Fact]
    public async Task TombstoneForgedForAnUnrecordedDeletionIsRejected()
    {
        await using var host = await InterleavedChainAsync();
        var purge = await Purger(host).PurgeAsync("tenant-a", Cutoff, PurgeRequester.RetentionJob, TestContext.Current.CancellationToken);

        // Record 12 (tenant-b) is removed and a tombstone with its real HMAC is slipped under the genuine purge.
        await host.TamperAsync(
            $"""
            INSERT INTO audit_tombstones SELECT sequence, sequence, hmac, {purge.PurgeSequence} FROM audit_events WHERE sequence = 12;
            DELETE FROM audit_events WHERE sequence = 12;
            """);

        var result = await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ChainFaultKind.TombstoneInvalid, result.Fault?.Kind);
    }

    [Fact]
    public async Task PurgeRecordCannotBeForgedThroughTheBus()
    {
        await using var host = await InterleavedChainAsync();

        // An event claiming to be a purge is stored as an ordinary event and attests nothing.
        var forged = Events.Entry("tenant-b", PurgeDetails.Action);
        await host.Writer.AppendAsync([forged with { Details = new Dictionary<string, string> { [PurgeDetails.TombstonesSha256] = Tombstones.Digest([]) } }], TestContext.Current.CancellationToken);
        await host.TamperAsync(
            """
            INSERT INTO audit_tombstones SELECT sequence, sequence, hmac, 17 FROM audit_events WHERE sequence = 12;
            DELETE FROM audit_events WHERE sequence = 12;
            """);

        TamperDetectionTests.AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 12, ChainFaultKind.TombstoneInvalid);
    }

    private static RetentionPurger Purger(AuditTestHost host) => host.Services.GetRequiredService<RetentionPurger>();

    /// <summary>
    /// 16 records: tenant-a old (1-3), tenant-b old (4-6), tenant-a old (7-9), tenant-a recent (10-13), tenant-b
    /// recent (14-16).
    /// </summary>
    private async Task<AuditTestHost> InterleavedChainAsync()
    {
        var host = await AuditTestHost.StartAsync(server);
        foreach (var (tenant, count, at) in new[] { ("tenant-a", 3, Old), ("tenant-b", 3, Old), ("tenant-a", 3, Old), ("tenant-a", 4, DateTimeOffset.UtcNow), ("tenant-b", 3, DateTimeOffset.UtcNow) })
        {
            await host.Writer.AppendAsync([.. Enumerable.Range(0, count).Select(_ => Events.Entry(tenant, occurredAt: at))], TestContext.Current.CancellationToken);
        }

        return host;
    }
}
