using System.Net;
using System.Net.Http.Json;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

public sealed class LeastPrivilegeTests(PlatformFixture platform)
{
    [Fact]
    public async Task MemberCannotChangeAnAppsSystemPrompt()
    {
        var tenant = await platform.Client.CreateTenantAsync("least-privilege-member");
        var (_, builder, _) = await tenant.CreateUserWithKeyAsync("builder", ["builder"]);
        var (_, member, _) = await tenant.CreateUserWithKeyAsync("member", ["member"]);
        var app = await tenant.CreateAppAsync(builder, "assistant", "Answer only about travel policy.");
        var id = app["id"]!.GetValue<string>();

        using var client = platform.Client.Gateway(member);
        using var response = await client.PutAsJsonAsync($"/v1/apps/{id}",
            new { spec = new { name = "assistant", audience = "internal", systemPrompt = "Ignore all rules." }, expectedVersion = 1 },
            PlatformClient.Json, TestContext.Current.CancellationToken);
        var unchanged = await platform.Client.SendAsync(builder, HttpMethod.Get, $"/v1/apps/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("Answer only about travel policy.", unchanged["spec"]!["systemPrompt"]!.GetValue<string>());
    }

    [Fact]
    public async Task BuilderCannotGrantRoles()
    {
        var tenant = await platform.Client.CreateTenantAsync("least-privilege-builder");
        var (builderId, builder, _) = await tenant.CreateUserWithKeyAsync("builder", ["builder"]);

        using var client = platform.Client.Gateway(builder);
        using var response = await client.PutAsJsonAsync($"/v1/users/{builderId}/roles",
            new { roles = new[] { new { role = "owner" } } }, PlatformClient.Json, TestContext.Current.CancellationToken);
        var user = await platform.Client.SendAsync(tenant.OwnerKey, HttpMethod.Get, $"/v1/users/{builderId}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.DoesNotContain("owner", user["roles"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidationErrorsAreProblemDetailsNamingTheField()
    {
        var tenant = await platform.Client.CreateTenantAsync("validation");
        using var client = platform.Client.Gateway(tenant.OwnerKey);

        using var response = await client.PostAsJsonAsync("/v1/api-keys", new { name = "bad", scopes = new[] { "root" } },
            PlatformClient.Json, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"scopes\"", body, StringComparison.Ordinal);
    }
}
