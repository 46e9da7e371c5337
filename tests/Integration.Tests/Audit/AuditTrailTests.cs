using System.Net;
using System.Text.Json.Nodes;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Audit;

/// <summary>The audit trail through the Gateway: recorded once, linked to the trace, scoped to the tenant, verifiable.</summary>
public sealed class AuditTrailTests(PlatformFixture platform)
{
    [Fact]
    public async Task CreatingAKeyIsRecordedOnceWithItsActorTargetAndTrace()
    {
        var tenant = await platform.Client.CreateTenantAsync("audit-record");
        var (adminId, adminKey, _) = await tenant.CreateUserWithKeyAsync("auditor", ["admin"]);
        using var admin = platform.Client.Gateway(adminKey);

        using var created = await admin.PostAsync("/v1/api-keys", PlatformClient.JsonBody(new { name = "recorded", scopes = new[] { "query" } }), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var keyId = JsonNode.Parse(await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["key"]!["id"]!.GetValue<string>();

        var records = await Eventually.ValueAsync(async () =>
        {
            var page = await platform.Client.SendAsync(adminKey, HttpMethod.Get, "/v1/audit?action=apikey.created&pageSize=1000");
            var matching = page["items"]!.AsArray().Where(r => r!["target"]!.GetValue<string>().Contains(keyId, StringComparison.Ordinal)).ToList();
            return matching.Count > 0 ? matching : null;
        }, TimeSpan.FromSeconds(20), "the key's audit record");

        var record = Assert.Single(records)!;
        Assert.Equal("user", record["actor"]!["kind"]!.GetValue<string>());
        Assert.Equal(adminId, record["actor"]!["id"]!.GetValue<string>());
        Assert.Equal("success", record["outcome"]!.GetValue<string>());
        var traceId = record["traceId"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        // The trace id leads to the Gateway's request span for that very call.
        await platform.App.Telemetry.WaitForSpansAsync(
            all => all.Any(s => s.TraceId == traceId && s.ServiceName == "gateway"), TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task AnotherTenantsAdminSeesNoneOfThisTenantsRecords()
    {
        var first = await platform.Client.CreateTenantAsync("audit-first");
        var second = await platform.Client.CreateTenantAsync("audit-second");
        var (_, firstAdmin, _) = await first.CreateUserWithKeyAsync("first admin", ["admin"]);
        var (_, secondAdmin, _) = await second.CreateUserWithKeyAsync("second admin", ["admin"]);

        await Eventually.TrueAsync(async () =>
            (await platform.Client.SendAsync(firstAdmin, HttpMethod.Get, "/v1/audit?pageSize=1000"))["items"]!.AsArray().Count > 0,
            TimeSpan.FromSeconds(20), "the first tenant's records");

        var seen = (await platform.Client.SendAsync(secondAdmin, HttpMethod.Get, "/v1/audit?pageSize=1000"))["items"]!.AsArray();
        var firstTenantIds = (await platform.Client.SendAsync(firstAdmin, HttpMethod.Get, "/v1/audit?pageSize=1000"))["items"]!.AsArray()
            .Select(r => r!["eventId"]!.GetValue<string>()).ToHashSet();
        Assert.DoesNotContain(seen, r => firstTenantIds.Contains(r!["eventId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task MemberMayNotReadTheTrail()
    {
        var tenant = await platform.Client.CreateTenantAsync("audit-member");
        var (_, memberKey, _) = await tenant.CreateUserWithKeyAsync("member", ["member"]);
        using var member = platform.Client.Gateway(memberKey);

        using var response = await member.GetAsync("/v1/audit", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ExportIsJsonLinesAndTheChainVerifies()
    {
        var tenant = await platform.Client.CreateTenantAsync("audit-export");
        var (_, adminKey, _) = await tenant.CreateUserWithKeyAsync("exporter", ["admin"]);
        await tenant.CreateKeyAsync(new { name = "one more", scopes = new[] { "query" } });
        using var admin = platform.Client.Gateway(adminKey);

        var lines = await Eventually.ValueAsync(async () =>
        {
            using var response = await admin.GetAsync("/v1/audit/export?action=apikey.created", TestContext.Current.CancellationToken);
            Assert.Equal("application/jsonl", response.Content.Headers.ContentType?.MediaType);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var parsed = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonNode.Parse(l)!).ToList();
            return parsed.Count >= 2 ? parsed : null;
        }, TimeSpan.FromSeconds(20), "two exported records");
        Assert.All(lines, l => Assert.Equal("apikey.created", l["action"]!.GetValue<string>()));
        Assert.True(lines.Zip(lines.Skip(1)).All(p => p.First["sequence"]!.GetValue<long>() < p.Second["sequence"]!.GetValue<long>()), "Export is oldest first.");

        var verification = await platform.Client.SendAsync(adminKey, HttpMethod.Get, "/v1/audit/verify");
        Assert.True(verification["ok"]!.GetValue<bool>(), verification.ToJsonString());
        Assert.True(verification["recordsChecked"]!.GetValue<long>() >= 2);
    }
}
