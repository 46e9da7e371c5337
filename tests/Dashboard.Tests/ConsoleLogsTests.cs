using SecureRag.Dashboard.Tests.Infrastructure;
using SecureRag.Hosting.Testing;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>The Console logs page follows a resource's output live, filtered by text.</summary>
public sealed class ConsoleLogsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ANewLineOfTheChosenResourceAppearsLiveAndOthersAreFilteredOut()
    {
        var probe = "dashboard-probe-" + Guid.NewGuid().ToString("N")[..12];
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/console?resource=gateway&q={probe}");
        var lines = page.Locator("#console .line");
        await Expect(lines).ToHaveCountAsync(0);

        // The Gateway writes each request it serves to its console; the page is not reloaded.
        using var gateway = fixture.App.CreateHttpClient("gateway");
        using (await gateway.GetAsync("/" + probe, TestContext.Current.CancellationToken))
        {
        }

        await Expect(lines.First).ToContainTextAsync(probe);
        await Expect(lines.First.Locator(".src")).ToHaveTextAsync("gateway-0");
        Assert.All(await lines.Locator(".text").AllTextContentsAsync(), text => Assert.Contains(probe, text, StringComparison.Ordinal));
    }
}
