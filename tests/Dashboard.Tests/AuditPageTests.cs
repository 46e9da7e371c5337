using System.Text.RegularExpressions;
using SecureRag.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>The Audit page lists the platform's audit records with their trace, and the chain's verification status.</summary>
public sealed class AuditPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task AnAuditRecordIsListedWithItsTraceAndTheChainIsVerifiedIntact()
    {
        var created = await fixture.Gateway.SendAsync(fixture.Gateway.OwnerKey, HttpMethod.Post, "/v1/tenants", new { name = "dashboard-audit" });
        var tenantId = created["tenant"]!["id"]!.GetValue<string>();
        var page = await fixture.SignedInPageAsync();

        // The record arrives through the outbox and RabbitMQ: reload until it is there.
        var record = page.Locator("#audit-table tr.audit-record[data-action='tenant.created']", new() { HasText = tenantId });
        var deadline = DateTime.UtcNow.AddSeconds(60);
        do
        {
            await page.GotoAsync("/audit?action=tenant.created");
        }
        while (await record.CountAsync() == 0 && DateTime.UtcNow < deadline && await Delay());

        await Expect(record).ToHaveCountAsync(1);
        await Expect(record.Locator(".badge")).ToHaveTextAsync("success");
        await Expect(page.Locator("#audit-table tr.audit-record:not([data-action='tenant.created'])")).ToHaveCountAsync(0);
        await Expect(page.Locator("#verification .chain")).ToHaveAttributeAsync("data-status", "Intact", new() { Timeout = 60_000 });
        await Expect(page.Locator("#verification")).ToContainTextAsync("audit chain OK");

        // The bootstrap exchange at start is on record too.
        await page.GotoAsync("/audit?action=bootstrap.completed");
        await Expect(page.Locator("#audit-table tr.audit-record[data-action='bootstrap.completed']")).ToHaveCountAsync(1);
        await page.GotoAsync("/audit");
        await Expect(page.Locator("#verification .chain")).ToHaveAttributeAsync("data-status", "Intact", new() { Timeout = 60_000 });
        await Screenshots.SaveAsync(page, "audit.png");

        // The record leads to its trace.
        await page.GotoAsync("/audit?action=tenant.created");
        var link = record.Locator("a.trace-link");
        var traceId = await link.GetAttributeAsync("title");
        Assert.Matches("^[0-9a-f]{32}$", traceId);
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        await Expect(page.Locator("#trace-facts")).ToHaveAttributeAsync("data-trace-id", traceId!);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(500);
        return true;
    }
}
