using SecureRag.Audit.Infrastructure;

namespace SecureRag.Audit.Tests;

public sealed class VerifyCommandTests(AuditPostgresServer server)
{
    [Fact]
    public async Task ExitsZeroWhenTheChainIsIntactAndOneAtTheFirstBrokenRecord()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(Events.Entries(5), TestContext.Current.CancellationToken);
        var intact = new StringWriter();
        var broken = new StringWriter();

        var ok = await VerifyCommand.RunAsync(host.Services, intact, TestContext.Current.CancellationToken);
        await host.TamperAsync("DELETE FROM audit_events WHERE sequence = 2");
        var failed = await VerifyCommand.RunAsync(host.Services, broken, TestContext.Current.CancellationToken);

        Assert.Equal((0, 1), (ok, failed));
        Assert.StartsWith("audit chain OK: 5 records", intact.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("audit chain BROKEN at sequence 2 (Missing)", broken.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IsRequestedOnlyAsTheFirstArgument()
    {
        Assert.True(VerifyCommand.IsRequested(["verify"]));
        Assert.False(VerifyCommand.IsRequested(["--migrate-only"]));
        Assert.False(VerifyCommand.IsRequested([]));
    }
}
