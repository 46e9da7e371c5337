using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SecureRag.Hosting;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Query;

/// <summary>Stops the Guardrail, so it runs on a platform of its own: the shared one must keep its rails.</summary>
public sealed class GuardrailOutageTests(GuardrailOutageTests.OwnPlatform platform) : IClassFixture<GuardrailOutageTests.OwnPlatform>
{
    [Fact]
    public async Task WithGuardrailStoppedQueriesGet503AndNoAnswer()
    {
        var ct = TestContext.Current.CancellationToken;
        await platform.EnsureStartedAsync();
        var tenant = await platform.Client.CreateTenantAsync("outage");
        var builder = await tenant.CreateUserWithKeyAsync("builder", ["builder"]);
        var appId = (await tenant.CreateAppAsync(builder.Key, "outage"))["id"]!.GetValue<string>();
        var (key, _) = await tenant.CreateKeyAsync(new { name = "outage app key", appId, scopes = new[] { "query" } });
        using var gateway = platform.Client.Gateway(key);

        using (var before = await gateway.PostAsJsonAsync($"/v1/apps/{appId}/query", new { question = "What is the travel policy?" }, ct))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await platform.App.StopResourceAsync("guardrail", ct);
        try
        {
            using var during = await gateway.PostAsJsonAsync($"/v1/apps/{appId}/query", new { question = "What is the travel policy?" }, ct);
            var body = JsonNode.Parse(await during.Content.ReadAsStringAsync(ct))!;
            using var streamed = await gateway.PostAsJsonAsync("/v1/chat/completions",
                new { model = appId, stream = true, messages = new[] { new { role = "user", content = "What is the travel policy?" } } }, ct);
            var streamedBody = await streamed.Content.ReadAsStringAsync(ct);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, during.StatusCode);
            Assert.Equal("guardrail_unavailable", body["code"]!.GetValue<string>());
            Assert.Null(body["answer"]);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, streamed.StatusCode);
            Assert.DoesNotContain("data:", streamedBody, StringComparison.Ordinal);
        }
        finally
        {
            await platform.App.StartResourceAsync("guardrail", ct);
        }
    }

    public sealed class OwnPlatform : IAsyncLifetime
    {
        public DistributedApplication App { get; private set; } = null!;

        public PlatformClient Client { get; private set; } = null!;

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public async Task EnsureStartedAsync()
        {
            if (App is null)
            {
                App = await PlatformFixture.StartAsync(options => options.Configuration["Gateway:Replicas"] = "1");
                Client = await PlatformClient.BootstrapAsync(App);
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (App is not null)
            {
                await App.DisposeAsync();
            }
        }
    }
}
