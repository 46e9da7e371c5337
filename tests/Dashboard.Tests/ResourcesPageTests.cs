using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SecureRag.Dashboard.Tests.Infrastructure;
using SecureRag.Hosting.ApplicationModel;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>The Resources page: every resource and its state, live; the environment with secrets masked; stop and start.</summary>
public sealed partial class ResourcesPageTests(DashboardFixture fixture)
{
    [Fact]
    public async Task EveryResourceIsListedHealthyAfterStart()
    {
        // Another test stops and starts a service; whatever ran before, every resource is healthy again first.
        foreach (var resource in fixture.App.Resources)
        {
            await fixture.App.WaitForResourceHealthyAsync(resource.Name, TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        }

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/");

        Assert.NotEmpty(fixture.App.Resources);
        await Expect(page.Locator("tbody.resource")).ToHaveCountAsync(fixture.App.Resources.Count);
        foreach (var resource in fixture.App.Resources)
        {
            var row = Row(page, resource.Name);
            await Expect(row.Locator("td.state")).ToHaveTextAsync("Healthy");
            await Expect(row.Locator("td.health")).ToHaveTextAsync("Healthy");
        }

        var gateway = Row(page, "gateway");
        await Expect(gateway.Locator("td").Nth(1)).ToHaveTextAsync("Project");
        await Expect(gateway.Locator("td.replicas")).ToHaveTextAsync("1/1");
        await Expect(gateway.Locator("td.restarts")).ToHaveTextAsync("0");
        await Expect(gateway.Locator("td.uptime")).ToHaveTextAsync(UptimePattern());
        var http = fixture.App.GetEndpoint("gateway");
        await Expect(gateway.Locator("a.endpoint[data-endpoint='http']")).ToHaveAttributeAsync("href", http.ToString());
        await Expect(Row(page, "postgres").Locator("td").Nth(1)).ToHaveTextAsync("PostgreSQL");
        await Screenshots.SaveAsync(page, "resources.png");
    }

    [Fact]
    public async Task TheEnvironmentIsShownWithEverySecretMasked()
    {
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/");

        var audit = Row(page, "audit");
        await audit.Locator("summary").ClickAsync();
        var environment = audit.Locator("table.env");
        await Expect(environment.Locator("tr", new() { HasText = "Audit__ChainKey" }).Locator("td")).ToHaveTextAsync("••••••••");
        await Expect(environment.Locator("tr", new() { HasText = "ServiceIdentity__Secret" }).Locator("td")).ToHaveTextAsync("••••••••");
        await Expect(environment.Locator("tr", new() { HasText = "ConnectionStrings__securerag" }).Locator("td")).ToContainTextAsync("Password=••••••••");
        await Expect(environment.Locator("tr", new() { HasText = "OTEL_SERVICE_NAME" }).Locator("td")).ToHaveTextAsync("audit");

        // No generated secret appears anywhere on the page, in any resource's environment: the application's secrets,
        // the servers' passwords and the services' database role passwords (not the user and node names beside them).
        var html = await page.ContentAsync();
        var secrets = Directory.EnumerateFiles(fixture.App.DataDirectory, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(Path.GetDirectoryName(path)) == "secrets"
                || (Path.GetFileName(Path.GetDirectoryName(path)) == "credentials" && Path.GetFileName(path) is var name && (name.Contains("password", StringComparison.Ordinal) || name.StartsWith("role-", StringComparison.Ordinal))))
            .Select(path => File.ReadAllText(path).Trim())
            .ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
    }

    [Fact]
    public async Task StoppingAServiceTurnsItUnhealthyOnThePageAndTheOpenPageFollowsItsRestartLive()
    {
        const string Service = "ingestion";
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/");
        var row = Row(page, Service);
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy");

        // The page's Stop button.
        await row.Locator("button[data-action='stop']").ClickAsync();
        await Expect(row).ToHaveAttributeAsync("data-health", "Unhealthy");
        await Expect(row.Locator("td.state")).ToHaveTextAsync("Stopped");
        await Expect(row.Locator("td.health")).ToHaveTextAsync("Unhealthy");
        await Expect(row.Locator("button[data-action='start']")).ToBeVisibleAsync();
        Assert.Equal(ResourceState.Stopped, fixture.App.GetResourceState(Service));

        // Started again behind the page's back: the open page follows it live, without a reload.
        var marker = await page.EvaluateAsync<string>("() => window.__marker = 'not reloaded'");
        await fixture.App.StartResourceAsync(Service, TestContext.Current.CancellationToken);
        await fixture.App.WaitForResourceHealthyAsync(Service, TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken);
        await Expect(row).ToHaveAttributeAsync("data-health", "Healthy");
        await Expect(row.Locator("td.state")).ToHaveTextAsync("Healthy");
        Assert.Equal(marker, await page.EvaluateAsync<string>("() => window.__marker"));
    }

    private static ILocator Row(IPage page, string resource) => page.Locator($"tbody.resource[data-resource='{resource}']");

    [GeneratedRegex(@"^\d+ (s|min \d+ s)$")]
    private static partial Regex UptimePattern();
}
