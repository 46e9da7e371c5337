using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SecureRag.Dashboard.Tests.Infrastructure;
using SecureRag.Hosting.Testing;
using static Microsoft.Playwright.Assertions;

namespace SecureRag.Dashboard.Tests;

/// <summary>A query through the Gateway shows as one trace across the services of the query path.</summary>
public sealed class QueryTraceTests(DashboardFixture fixture)
{
    private const string QueryRoute = "/v1/apps/{app}/query";

    [Fact]
    public async Task AQueryThroughTheGatewayShowsAsOneTraceAcrossGatewayGuardrailRetrievalAndInference()
    {
        // A tenant with a knowledge base holding one approved document, an app over it, and the app's own key.
        var client = fixture.Gateway;
        var tenant = await client.SendAsync(client.OwnerKey, HttpMethod.Post, "/v1/tenants", new { name = "dashboard-query" });
        var owner = tenant["ownerKey"]!["secret"]!.GetValue<string>();
        var me = await client.SendAsync(owner, HttpMethod.Get, "/v1/me");
        await client.SendAsync(owner, HttpMethod.Put, $"/v1/users/{me["principalId"]!.GetValue<string>()}/roles",
            new { roles = new[] { "owner", "admin", "builder", "editor", "approver" }.Select(role => new { role }) });
        var knowledgeBase = (await client.SendAsync(owner, HttpMethod.Post, "/v1/knowledge-bases", new
        {
            name = "handbook",
            classification = "internal",
            access = new[] { "tenant:*" },
            approvalMode = "required",
            findingsPolicy = "mark",
        }))["id"]!.GetValue<string>();
        await IngestAsync(owner, knowledgeBase, "Travel policy", "Travel by train is preferred for trips under four hours. Travel expenses are reimbursed within fourteen days.");
        var appId = (await client.SendAsync(owner, HttpMethod.Post, "/v1/apps", new
        {
            name = "dashboard-query",
            audience = "internal",
            systemPrompt = "You answer questions about company policies from the handbook.",
            knowledgeBases = new[] { knowledgeBase },
            model = "extractive",
        }))["id"]!.GetValue<string>();
        var appKey = (await client.SendAsync(owner, HttpMethod.Post, "/v1/api-keys", new { name = "dashboard-query key", appId, scopes = new[] { "query" } }))["secret"]!.GetValue<string>();

        var answer = await client.SendAsync(appKey, HttpMethod.Post, QueryRoute.Replace("{app}", appId, StringComparison.Ordinal),
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

    /// <summary>Uploads a Markdown document, waits for its ingestion job to complete, and approves it.</summary>
    private async Task IngestAsync(string key, string knowledgeBase, string title, string text)
    {
        using var gateway = fixture.App.CreateHttpClient("gateway");
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(title), "title");
        form.Add(new StringContent("tenant:*"), "access");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"# {title}\n\n{text}\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/markdown");
        form.Add(file, "file", "travel-policy.md");
        using var upload = await gateway.PostAsync($"/v1/knowledge-bases/{knowledgeBase}/documents", form, TestContext.Current.CancellationToken);
        var accepted = JsonNode.Parse(await upload.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!.AsObject();
        Assert.True(upload.StatusCode == HttpStatusCode.Accepted, $"The upload answered {(int)upload.StatusCode}: {accepted.ToJsonString()}");

        var deadline = DateTime.UtcNow.AddSeconds(90);
        string state;
        do
        {
            await Task.Delay(300, TestContext.Current.CancellationToken);
            var job = await fixture.Gateway.SendAsync(key, HttpMethod.Get, accepted["jobUrl"]!.GetValue<string>());
            state = job["state"]!.GetValue<string>();
            Assert.False(state is "failed" or "cancelled", $"The ingestion ended {state}: {job.ToJsonString()}");
        }
        while (state != "completed" && DateTime.UtcNow < deadline);

        Assert.Equal("completed", state);
        await fixture.Gateway.SendAsync(key, HttpMethod.Post, $"/v1/documents/{accepted["documentId"]!.GetValue<string>()}/approve",
            new { version = accepted["version"]!.GetValue<long>() });
    }
}
