using System.Text.RegularExpressions;
using SecureRag.Dashboard.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>Structured logs lead to their trace; the trace opens as a waterfall across services, also by its id.</summary>
public sealed class TracesAndLogsTests(DashboardFixture fixture)
{
    [Fact]
    public async Task ALogRecordsTraceLinkOpensThatTrace()
    {
        // Creating a tenant crosses the Gateway and Auth; the Gateway logs the request inside its trace.
        var telemetry = fixture.App.Telemetry;
        await fixture.Gateway.SendAsync(fixture.Gateway.OwnerKey, HttpMethod.Post, "/v1/tenants", new { name = "dashboard-trace" });
        var logs = await telemetry.WaitForLogsAsync(
            all => all.Any(l => l.ServiceName == "gateway" && l.Body.Contains("/v1/tenants", StringComparison.Ordinal) && l.TraceId is { } id && telemetry.ContainsTrace(id)),
            TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        var log = logs.Last(l => l.ServiceName == "gateway" && l.Body.Contains("/v1/tenants", StringComparison.Ordinal) && l.TraceId is { } id && telemetry.ContainsTrace(id));
        var traceId = log.TraceId!;
        await telemetry.WaitForSpansAsync(
            spans => spans.Any(s => s.TraceId == traceId && s.ServiceName == "auth"), TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/structured?resource=gateway&q=%2Fv1%2Ftenants");
        var row = page.Locator("#log-table tr.log", new() { Has = page.Locator($"a.trace-link[title='{traceId}']") }).First;
        await Expect(row).ToContainTextAsync("/v1/tenants");
        await row.Locator("a.trace-link").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/traces/{traceId}$"));
        await Expect(page.Locator("#trace-facts")).ToHaveAttributeAsync("data-trace-id", traceId);
        var spans = page.Locator("#waterfall details.span");
        await Expect(spans).ToHaveCountAsync(telemetry.GetSpans(traceId).Count);
        await Expect(page.Locator("#waterfall details.span[data-service='gateway']").First).ToBeVisibleAsync();
        await Expect(page.Locator("#waterfall details.span[data-service='auth']").First).ToBeVisibleAsync();

        // A span opens to its attributes.
        var root = spans.First;
        await root.Locator("summary").ClickAsync();
        await Expect(root.Locator("table.attrs")).ToContainTextAsync("http.request.method");
        await Screenshots.SaveAsync(page, "trace.png");
    }

    [Fact]
    public async Task ATraceIdOpensItsTraceAndAnUnknownOneSaysItIsNotHeld()
    {
        var trace = fixture.App.Telemetry.GetTraces(1).Single();
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/traces");
        await Expect(page.Locator($"#trace-table tr[data-trace-id='{trace.TraceId}']")).ToHaveCountAsync(1);

        await page.Locator("input[name='id']").FillAsync(" " + trace.TraceId.ToUpperInvariant() + " ");
        await page.Locator("input[name='id']").PressAsync("Enter");
        await Expect(page.Locator("#trace-facts")).ToHaveAttributeAsync("data-trace-id", trace.TraceId);

        var missing = await page.GotoAsync("/traces/" + new string('a', 32));
        Assert.Equal(404, missing!.Status);
        await Expect(page.Locator("#trace-not-found")).ToBeVisibleAsync();
    }
}
