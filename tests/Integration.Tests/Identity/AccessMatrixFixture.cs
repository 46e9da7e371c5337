using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

/// <summary>
/// Tenant A with a credential for each role and each way a credential can be unusable, objects to act on, and a
/// second tenant B whose owner must see none of A.
/// </summary>
public sealed class AccessMatrixFixture(PlatformFixture platform) : IAsyncLifetime
{
    public PlatformClient Client => platform.Client;

    public TenantContext TenantA { get; private set; } = null!;

    public string OtherTenantOwner { get; private set; } = "";

    public Dictionary<string, string> Keys { get; } = [];

    public string UserId { get; private set; } = "";

    public string GroupId { get; private set; } = "";

    public string AppId { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        TenantA = await Client.CreateTenantAsync("matrix-a");
        OtherTenantOwner = (await Client.CreateTenantAsync("matrix-b")).OwnerKey;
        // Tenant B's owner holds every permission tenant A's objects need, so only the tenant differs.
        var otherOwnerId = (await Client.SendAsync(OtherTenantOwner, HttpMethod.Get, "/v1/me"))["principalId"]!.GetValue<string>();
        await Client.SendAsync(OtherTenantOwner, HttpMethod.Put, $"/v1/users/{otherOwnerId}/roles",
            new { roles = new[] { new { role = "owner" }, new { role = "admin" }, new { role = "builder" } } });
        Keys["operator"] = Client.OwnerKey;
        Keys["owner"] = TenantA.OwnerKey;
        foreach (var role in new[] { "admin", "builder", "member" })
        {
            Keys[role] = (await TenantA.CreateUserWithKeyAsync(role, [role])).Key;
        }

        Keys["norole"] = (await TenantA.CreateUserWithKeyAsync("nobody", [])).Key;
        // The owner's roles, but a key that may only query.
        Keys["noscope"] = (await TenantA.CreateUserWithKeyAsync("query-only owner", ["owner", "admin", "builder"], ["query"])).Key;
        var (_, revoked, revokedId) = await TenantA.CreateUserWithKeyAsync("revoked", ["owner", "admin", "builder"]);
        await Client.SendAsync(TenantA.OwnerKey, HttpMethod.Delete, $"/v1/api-keys/{revokedId}");
        Keys["revoked"] = revoked;
        var expiring = await Client.SendAsync(TenantA.OwnerKey, HttpMethod.Post, "/v1/users", new { displayName = "expired" });
        await Client.SendAsync(TenantA.OwnerKey, HttpMethod.Put, $"/v1/users/{expiring["id"]}/roles", new { roles = new[] { new { role = "owner" }, new { role = "admin" }, new { role = "builder" } } });
        Keys["expired"] = (await TenantA.CreateKeyAsync(new
        {
            name = "expires at once",
            userId = expiring["id"]!.GetValue<string>(),
            scopes = new[] { "query", "ingest", "admin" },
            expiresAt = DateTimeOffset.UtcNow.AddSeconds(2),
        })).Secret;

        UserId = (await Client.SendAsync(TenantA.OwnerKey, HttpMethod.Post, "/v1/users", new { displayName = "target" }))["id"]!.GetValue<string>();
        GroupId = (await Client.SendAsync(TenantA.OwnerKey, HttpMethod.Post, "/v1/groups", new { name = "target" }))["id"]!.GetValue<string>();
        AppId = (await TenantA.CreateAppAsync(Keys["builder"], "target"))["id"]!.GetValue<string>();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
