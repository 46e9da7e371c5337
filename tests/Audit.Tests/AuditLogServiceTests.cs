using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Grpc;
using SecureRag.Audit.Infrastructure;
using SecureRag.Contracts.Audit;
using SecureRag.TestSupport;

namespace SecureRag.Audit.Tests;

public sealed class AuditLogServiceTests(AuditPostgresServer server)
{
    [Fact]
    public async Task TenantAdminSeesOnlyTheirOwnTenantsRecords()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        var foreign = Events.Entry("tenant-b", traceId: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        await host.Writer.AppendAsync([.. Events.Entries(3, "tenant-a"), foreign, .. Events.Entries(2, "tenant-b")], TestContext.Current.CancellationToken);
        var service = Service(host);
        var adminOfA = UserOf("tenant-a", "admin");

        var all = await service.Query(new QueryAuditRequest(), adminOfA);
        var byForeignTrace = await service.Query(new QueryAuditRequest { Filter = new AuditFilter { TraceId = foreign.TraceId } }, adminOfA);
        var exported = new ListStreamWriter<AuditRecord>();
        await service.Export(new ExportAuditRequest(), exported, adminOfA);

        Assert.Equal(3, all.Records.Count);
        Assert.All(all.Records, r => Assert.Equal("tenant-a", r.TenantId));
        Assert.Empty(byForeignTrace.Records);
        Assert.Equal([1L, 2L, 3L], exported.Written.Select(r => r.Sequence));
        var ownerOfB = await service.Query(new QueryAuditRequest { Filter = new AuditFilter { TraceId = foreign.TraceId } }, UserOf("tenant-b", "owner"));
        Assert.Equal(foreign.EventId.ToString(), Assert.Single(ownerOfB.Records).EventId);
    }

    [Theory]
    [InlineData("member")]
    [InlineData("builder")]
    [InlineData("editor")]
    public async Task OnlyAdminsAndOwnersMayReadTheAuditTrail(string role)
    {
        await using var host = await AuditTestHost.StartAsync(server);
        var service = Service(host);

        var query = await Assert.ThrowsAsync<RpcException>(() => service.Query(new QueryAuditRequest(), UserOf("tenant-a", role)));
        var verify = await Assert.ThrowsAsync<RpcException>(() => service.Verify(new VerifyAuditRequest(), UserOf("tenant-a", role)));
        var purge = await Assert.ThrowsAsync<RpcException>(() => service.Purge(new PurgeAuditRequest(), UserOf("tenant-a", role, "admin")));

        Assert.All([query, verify, purge], e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
    }

    [Fact]
    public async Task PagesFollowTheCursorNewestFirstWithoutRepeatsOrGaps()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync([.. Events.Entries(5, "tenant-a"), .. Events.Entries(5, "tenant-b"), .. Events.Entries(2, "tenant-a")], TestContext.Current.CancellationToken);
        var service = Service(host);
        var admin = UserOf("tenant-a", "admin");

        var seen = new List<long>();
        var cursor = "";
        do
        {
            var page = await service.Query(new QueryAuditRequest { PageSize = 3, Cursor = cursor }, admin);
            seen.AddRange(page.Records.Select(r => r.Sequence));
            cursor = page.NextCursor;
        }
        while (cursor != "");

        Assert.Equal([12L, 11L, 5L, 4L, 3L, 2L, 1L], seen);
        var bad = await Assert.ThrowsAsync<RpcException>(() => service.Query(new QueryAuditRequest { Cursor = "not-a-cursor" }, admin));
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
    }

    [Fact]
    public async Task FiltersNarrowTheTenantsRecords()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(
            [Events.Entry(action: "auth.failed", occurredAt: DateTimeOffset.UtcNow.AddHours(-2)), Events.Entry(action: "auth.failed"), Events.Entry(action: "apikey.revoked")],
            TestContext.Current.CancellationToken);
        var service = Service(host);

        var page = await service.Query(
            new QueryAuditRequest { Filter = new AuditFilter { Action = "auth.failed", From = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(DateTimeOffset.UtcNow.AddHours(-1)) } },
            UserOf("tenant-a", "admin"));

        Assert.Equal(2, Assert.Single(page.Records).Sequence);
    }

    [Fact]
    public async Task VerifyAnswersWithSequencesAndAKindOnly()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync([.. Events.Entries(3, "tenant-b"), .. Events.Entries(1, "tenant-a")], TestContext.Current.CancellationToken);
        await host.TamperAsync("UPDATE audit_events SET reason = 'secret of tenant b' WHERE sequence = 2");

        var response = await Service(host).Verify(new VerifyAuditRequest(), UserOf("tenant-a", "admin"));

        Assert.False(response.Ok);
        Assert.Equal((2L, ChainFaultKind.Altered), (response.Fault.Sequence, response.Fault.Kind));
        Assert.DoesNotContain("tenant", response.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OwnerPurgeAppliesTheConfiguredRetentionAndIsRecordedUnderTheOwner()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync([Events.Entry(occurredAt: DateTimeOffset.UtcNow.AddDays(-500)), Events.Entry()], TestContext.Current.CancellationToken);

        var response = await Service(host).Purge(new PurgeAuditRequest(), UserOf("tenant-a", "owner"));

        Assert.Equal((1L, 3L), (response.Removed, response.PurgeSequence));
        Assert.Equal(1, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE sequence = 3 AND actor_id = 'user-of-tenant-a' AND action = 'audit.purged'"));
    }

    /// <summary>A signed-in user of <paramref name="tenant"/>, named as <see cref="Events"/> names its actors.</summary>
    private static TestCallContext UserOf(string tenant, params string[] roles) => TestCallContext.ForUser(tenant, $"user-of-{tenant}", roles);

    private static AuditLogService Service(AuditTestHost host) => new(
        host.Services.GetRequiredService<AuditRecords>(),
        host.Verifier,
        host.Services.GetRequiredService<RetentionPurger>(),
        TimeProvider.System,
        host.Services.GetRequiredService<IOptions<AuditOptions>>());
}
