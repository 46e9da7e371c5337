using Microsoft.Playwright;
using SecureRag.AppHost;
using SecureRag.Hosting;
using SecureRag.Hosting.Testing;

[assembly: AssemblyFixture(typeof(SecureRag.Dashboard.Tests.Infrastructure.DashboardFixture))]

// The tests share one platform and some stop a service: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace SecureRag.Dashboard.Tests.Infrastructure;

/// <summary>
/// The whole platform, started once for this project from the AppHost's own model with its dashboard on; the first
/// owner's key (the bootstrap credential exchanged, which is itself audited); and one headless Debian Chromium driven by
/// Playwright, in which each test opens a context of its own.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium: Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public DistributedApplication App { get; private set; } = null!;

    public GatewayClient Gateway { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The dashboard's base address (no token).</summary>
    public Uri Dashboard => App.DashboardEndpoint!;

    public async ValueTask InitializeAsync()
    {
        var browser = StartBrowserAsync();
        var builder = DistributedApplicationTestingBuilder.Create(SecureRagApp.Define, options =>
        {
            options.EnableDashboard = true;
            options.Configuration["Gateway:AuthFailuresPerMinute"] = "0";
        });
        App = await builder.BuildAsync();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3)))
        {
            await App.StartAsync(timeout.Token);
        }

        Gateway = await GatewayClient.BootstrapAsync(App);
        Browser = await browser;
    }

    /// <summary>A fresh browser context (its own cookies), signed in through the link the AppHost prints.</summary>
    public async Task<IPage> SignedInPageAsync()
    {
        var page = await NewPageAsync();
        var response = await page.GotoAsync(App.DashboardLoginUrl!.ToString());
        Assert.True(response?.Ok, $"Signing in answered {response?.Status}.");
        return page;
    }

    /// <summary>A fresh browser context that has not signed in.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Dashboard.ToString(),
            ViewportSize = new ViewportSize { Width = 1440, Height = 900 },
        });
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }
    }

    private async Task<IBrowser> StartBrowserAsync()
    {
        Assert.True(File.Exists(ChromiumPath), $"{ChromiumPath} is missing: scripts/setup.sh --with-browser installs Debian's chromium.");
        _playwright = await Playwright.CreateAsync();
        return await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // As root there is no sandbox; the machine has no GPU and no network beyond loopback.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }
}
