using System.Net;
using System.Net.Http.Json;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

public sealed class AccessMatrixTests(AccessMatrixFixture fixture) : IClassFixture<AccessMatrixFixture>
{
    /// <param name="Allowed">Which credential of tenant A may call it.</param>
    /// <param name="ScopedToObject">The path names an object of tenant A, so another tenant must get 404.</param>
    public sealed record Endpoint(string Name, string Method, string Path, string Allowed, object? Body = null, bool ScopedToObject = true)
    {
        public override string ToString() => Name;
    }

    public static TheoryData<Endpoint> Endpoints =>
    [
        new Endpoint("create tenant", "POST", "/v1/tenants", "operator", new { name = "made in matrix" }, ScopedToObject: false),
        new Endpoint("read tenant", "GET", "/v1/tenants/current", "member", ScopedToObject: false),
        new Endpoint("bind identity provider", "POST", "/v1/tenants/current/identity-providers", "owner", new { issuer = PlatformFixture.TrustedIssuer, audience = "matrix" }, ScopedToObject: false),
        new Endpoint("create user", "POST", "/v1/users", "admin", new { displayName = "new" }, ScopedToObject: false),
        new Endpoint("list users", "GET", "/v1/users", "admin", ScopedToObject: false),
        new Endpoint("get user", "GET", "/v1/users/{user}", "admin"),
        new Endpoint("assign roles", "PUT", "/v1/users/{user}/roles", "owner", new { roles = new[] { new { role = "member" } } }),
        new Endpoint("create group", "POST", "/v1/groups", "admin", new { name = "g" }, ScopedToObject: false),
        new Endpoint("list groups", "GET", "/v1/groups", "admin", ScopedToObject: false),
        new Endpoint("set group members", "PUT", "/v1/groups/{group}/members", "admin", new { userIds = Array.Empty<string>() }),
        new Endpoint("create app", "POST", "/v1/apps", "builder", new { name = "a", audience = "internal" }, ScopedToObject: false),
        new Endpoint("list apps", "GET", "/v1/apps", "builder", ScopedToObject: false),
        new Endpoint("get app", "GET", "/v1/apps/{app}", "builder"),
        new Endpoint("update app", "PUT", "/v1/apps/{app}", "builder", new { spec = new { name = "target", audience = "internal", systemPrompt = "changed" }, expectedVersion = 0 }),
        new Endpoint("grant app", "PUT", "/v1/apps/{app}/grants", "admin", new { grants = Array.Empty<object>() }),
        new Endpoint("create key", "POST", "/v1/api-keys", "admin", new { name = "k", scopes = new[] { "query" } }, ScopedToObject: false),
        new Endpoint("list keys", "GET", "/v1/api-keys", "admin", ScopedToObject: false),
    ];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AllowedCallerSucceeds(Endpoint endpoint)
    {
        var body = endpoint.Name == "update app" ? await CurrentAppUpdateAsync() : endpoint.Body;
        using var response = await SendAsync(endpoint, fixture.Keys[endpoint.Allowed], body);
        Assert.True(response.IsSuccessStatusCode, $"{endpoint.Name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}");
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task UnusableCredentialsAreRefused(Endpoint endpoint)
    {
        foreach (var (credential, expected) in new[] { ("revoked", HttpStatusCode.Unauthorized), ("expired", HttpStatusCode.Unauthorized) })
        {
            using var response = await SendAsync(endpoint, fixture.Keys[credential], endpoint.Body);
            Assert.Equal(expected, response.StatusCode);
        }

        using var forged = await SendAsync(endpoint, "sr_" + new string('A', 43), endpoint.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        using var none = await SendAsync(endpoint, null, endpoint.Body);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task CallerWithoutTheRoleOrScopeIsForbidden(Endpoint endpoint)
    {
        using var noRole = await SendAsync(endpoint, fixture.Keys["norole"], endpoint.Body);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);

        if (endpoint.Allowed is not ("member" or "operator"))
        {
            using var noScope = await SendAsync(endpoint, fixture.Keys["noscope"], endpoint.Body);
            Assert.Equal(HttpStatusCode.Forbidden, noScope.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task AnotherTenantsObjectsAreNotFound(Endpoint endpoint)
    {
        if (!endpoint.ScopedToObject)
        {
            return;
        }

        using var response = await SendAsync(endpoint, fixture.OtherTenantOwner, endpoint.Body);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task AnotherTenantsListsShowNoneOfThisTenant()
    {
        foreach (var path in new[] { "/v1/users", "/v1/groups", "/v1/api-keys" })
        {
            using var client = fixture.Client.Gateway(fixture.OtherTenantOwner);
            var text = await client.GetStringAsync(path, TestContext.Current.CancellationToken);
            Assert.DoesNotContain(fixture.UserId, text, StringComparison.Ordinal);
            Assert.DoesNotContain(fixture.GroupId, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RevokingAnotherTenantsKeyIsNotFoundAndLeavesItWorking()
    {
        var (secret, id) = await fixture.TenantA.CreateKeyAsync(new { name = "victim", scopes = new[] { "admin" } });
        using var attacker = fixture.Client.Gateway(fixture.OtherTenantOwner);
        using var response = await attacker.DeleteAsync($"/v1/api-keys/{id}", TestContext.Current.CancellationToken);
        using var victim = fixture.Client.Gateway(secret);
        using var stillWorks = await victim.GetAsync("/v1/me", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    private async Task<object> CurrentAppUpdateAsync()
    {
        var app = await fixture.Client.SendAsync(fixture.Keys["builder"], HttpMethod.Get, $"/v1/apps/{fixture.AppId}");
        return new { spec = new { name = "target", audience = "internal", systemPrompt = "changed" }, expectedVersion = app["version"]!.GetValue<int>() };
    }

    private async Task<HttpResponseMessage> SendAsync(Endpoint endpoint, string? credential, object? body)
    {
        var path = endpoint.Path.Replace("{user}", fixture.UserId).Replace("{group}", fixture.GroupId).Replace("{app}", fixture.AppId);
        using var client = fixture.Client.Gateway(credential);
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: PlatformClient.Json),
        };
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
