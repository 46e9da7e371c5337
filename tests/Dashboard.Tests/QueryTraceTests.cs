using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using SecureRag.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>A query through the Gateway shows as one trace across the services of the query path.</summary>
public sealed class QueryTraceTests(DashboardFixture fixture)
{
    private const string QueryRoute = "/v1/apps/{app}/query";

    /// <summary>
    /// Whether the Gateway that was built serves the query path (issue 9): its route is a string literal of the
    /// Gateway's assembly. Until then the test is skipped with the reason below, and it runs by itself once it is there.
    /// </summary>
    public static bool QueryPathIsBuilt
    {
        get
        {
            var configuration = typeof(QueryTraceTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var gateway = Path.Combine(Screenshots.RepositoryRoot(), "services", "Gateway", "bin", configuration, "net10.0", "Gateway.dll");
            // User strings are stored as UTF-16 in the assembly's #US heap.
            return File.Exists(gateway) && File.ReadAllBytes(gateway).AsSpan().IndexOf(Encoding.Unicode.GetBytes(QueryRoute)) >= 0;
        }
    }

    [Fact(Skip = "needs the query path (issue 9)", SkipUnless = nameof(QueryPathIsBuilt))]
    public async Task AQueryThroughTheGatewayShowsAsOneTraceAcrossGatewayGuardrailRetrievalAndInference()
    {
        var client = fixture.Gateway;
        var tenant = await client.SendAsync(client.OwnerKey, HttpMethod.Post, "/v1/tenants", new { name = "dashboard-query" });
        var owner = tenant["ownerKey"]!["secret"]!.GetValue<string>();
        var me = await client.SendAsync(owner, HttpMethod.Get, "/v1/me");
        await client.SendAsync(owner, HttpMethod.Put, $"/v1/users/{me["principalId"]!.GetValue<string>()}/roles",
            new { roles = new[] { new { role = "owner" }, new { role = "admin" }, new { role = "builder" } } });
        var app = await client.SendAsync(owner, HttpMethod.Post, "/v1/apps", new { name = "dashboard-query", audience = "internal", systemPrompt = "You answer from the documents." });

        var answer = await client.SendAsync(owner, HttpMethod.Post, QueryRoute.Replace("{app}", app["id"]!.GetValue<string>(), StringComparison.Ordinal),
            new { question = "What does the travel policy say about trains?" });
        var traceId = (answer["trace_id"] ?? answer["traceId"])!.GetValue<string>();
        string[] services = ["gateway", "guardrail", "retrieval", "inference"];
        await fixture.App.Telemetry.WaitForSpansAsync(
            spans => services.All(service => spans.Any(s => s.TraceId == traceId && s.ServiceName == service)),
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // The trace id of the API response opens the trace.
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/traces");
        await page.Locator("input[name='id']").FillAsync(traceId);
        await page.Locator("input[name='id']").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        foreach (var service in services)
        {
            await Expect(page.Locator($"#waterfall details.span[data-service='{service}']").First).ToBeVisibleAsync();
        }

        await Expect(page.Locator("#waterfall .span-name").First).ToContainTextAsync("query");
        await Screenshots.SaveAsync(page, "query-trace.png");
    }
}
