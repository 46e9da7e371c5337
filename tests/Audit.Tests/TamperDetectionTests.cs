using SecureRag.Audit.Domain;
using SecureRag.Audit.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace SecureRag.Audit.Tests;

/// <summary>Each kind of tampering, done as a database superuser would, is reported at the record it hit.</summary>
public sealed class TamperDetectionTests(AuditPostgresServer server)
{
    [Fact]
    public async Task IntactChainVerifies()
    {
        await using var host = await ChainOfTenAsync();

        var result = await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken);

        Assert.Null(result.Fault);
        Assert.Equal(10, result.RecordsChecked);
        Assert.Equal(10, result.CheckpointSequence);
    }

    [Fact]
    public async Task EditedRecordIsReportedAsAlteredAtThatRecord()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 5");

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 5, ChainFaultKind.Altered);
    }

    [Fact]
    public async Task EditedDetailsAreReportedAsAltered()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync("UPDATE audit_events SET details = details || '{\"scopes\": \"admin\"}' WHERE sequence = 7");

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 7, ChainFaultKind.Altered);
    }

    [Fact]
    public async Task RecordDeletedFromTheMiddleIsReportedAsMissingAtItsSequence()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync("DELETE FROM audit_events WHERE sequence = 4");

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 4, ChainFaultKind.Missing);
    }

    [Fact]
    public async Task NewestRecordsDeletedAreReportedAgainstTheCheckpoint()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync("DELETE FROM audit_events WHERE sequence >= 9");

        var result = await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken);
        AssertFault(result, 9, ChainFaultKind.Missing);
        Assert.Equal(8, result.RecordsChecked);
    }

    [Fact]
    public async Task NewestRecordsReplacedAfterTheCheckpointAreReportedAsDiverging()
    {
        await using var host = await ChainOfTenAsync();
        await host.TamperAsync("DELETE FROM audit_events WHERE sequence >= 9");

        await host.Writer.AppendAsync(Events.Entries(3), TestContext.Current.CancellationToken);

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 10, ChainFaultKind.CheckpointMismatch);
    }

    [Fact]
    public async Task TwoSwappedRecordsAreReportedAsReorderedAtTheFirst()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync(
            """
            UPDATE audit_events SET sequence = -1 WHERE sequence = 3;
            UPDATE audit_events SET sequence = 3 WHERE sequence = 7;
            UPDATE audit_events SET sequence = 7 WHERE sequence = -1;
            """);

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 3, ChainFaultKind.Reordered);
    }

    [Fact]
    public async Task TwoAdjacentSwappedRecordsAreReportedAsReorderedAtTheFirst()
    {
        await using var host = await ChainOfTenAsync();

        await host.TamperAsync(
            """
            UPDATE audit_events SET sequence = -1 WHERE sequence = 6;
            UPDATE audit_events SET sequence = 6 WHERE sequence = 7;
            UPDATE audit_events SET sequence = 7 WHERE sequence = -1;
            """);

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 6, ChainFaultKind.Reordered);
    }

    [Fact]
    public async Task ForgedCheckpointIsReported()
    {
        await using var host = await ChainOfTenAsync();

        var text = await File.ReadAllTextAsync(host.CheckpointPath, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(host.CheckpointPath, text.Replace("\"sequence\": 10", "\"sequence\": 8", StringComparison.Ordinal), TestContext.Current.CancellationToken);

        AssertFault(await host.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 8, ChainFaultKind.CheckpointInvalid);
    }

    [Fact]
    public async Task ChainCheckedWithAnotherKeyFailsAtTheFirstRecord()
    {
        await using var host = await ChainOfTenAsync();
        File.Delete(host.CheckpointPath);
        var otherKey = Convert.ToBase64String(new byte[32]);
        await using var other = await AuditTestHost.ConnectAsync(server, host.Database, host.CheckpointPath, otherKey);

        AssertFault(await other.Verifier.VerifyAsync(TestContext.Current.CancellationToken), 1, ChainFaultKind.Altered);
    }

    internal static void AssertFault(VerificationResult result, long sequence, ChainFaultKind kind)
    {
        Assert.False(result.Ok);
        Assert.Equal((sequence, kind), (result.Fault!.Sequence, result.Fault.Kind));
    }

    private async Task<AuditTestHost> ChainOfTenAsync()
    {
        var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(Events.Entries(4, "tenant-a"), TestContext.Current.CancellationToken);
        await host.Writer.AppendAsync(Events.Entries(6, "tenant-b"), TestContext.Current.CancellationToken);
        var checkpoint = await host.Services.GetRequiredService<CheckpointExporter>().ExportAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10, checkpoint?.Sequence);
        return host;
    }
}
