using System.Net;
using SecureRag.Dashboard.Tests.Infrastructure;
using SecureRag.Hosting.ApplicationModel;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>The dashboard is behind the login token of this run, as Aspire's is.</summary>
public sealed class LoginTests(DashboardFixture fixture)
{
    [Fact]
    public async Task TheDashboardRefusesAccessWithoutTheLoginToken()
    {
        var page = await fixture.NewPageAsync();

        var refused = await page.GotoAsync("/");
        Assert.Equal(401, refused!.Status);
        await Expect(page.Locator("#login-required")).ToBeVisibleAsync();
        await Expect(page.Locator("#resource-table")).ToHaveCountAsync(0);

        var wrong = await page.GotoAsync("/login?t=" + new string('0', 32));
        Assert.Equal(401, wrong!.Status);
        await Expect(page.Locator("#login-rejected")).ToBeVisibleAsync();

        using var http = new HttpClient { BaseAddress = fixture.Dashboard };
        foreach (var path in new[] { "/", "/console", "/console/events", "/resources/events", "/structured", "/traces", "/traces/0123456789abcdef0123456789abcdef", "/audit", "/audit/verification" })
        {
            using var response = await http.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{path} answered {(int)response.StatusCode} without the token.");
        }

        using (var stop = await http.PostAsync("/resources/gateway/stop", null, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, stop.StatusCode);
        }

        Assert.Equal(ResourceState.Healthy, fixture.App.GetResourceState("gateway"));
    }

    [Fact]
    public async Task ThePrintedLinkSignsTheBrowserInWithAStrictHttpOnlyCookie()
    {
        var page = await fixture.NewPageAsync();

        var response = await page.GotoAsync(fixture.App.DashboardLoginUrl!.ToString());

        Assert.Equal(200, response!.Status);
        Assert.Equal(fixture.Dashboard.ToString(), page.Url);
        await Expect(page.Locator("#resource-table")).ToBeVisibleAsync();
        var cookie = Assert.Single(await page.Context.CookiesAsync());
        Assert.True(cookie.HttpOnly);
        Assert.Equal(Microsoft.Playwright.SameSiteAttribute.Strict, cookie.SameSite);
        Assert.DoesNotContain(fixture.App.DashboardLoginUrl.Query[3..], cookie.Value, StringComparison.Ordinal);
    }
}
