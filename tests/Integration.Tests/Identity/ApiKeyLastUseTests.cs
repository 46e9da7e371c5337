using System.Net;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

/// <summary>An API key's last use is recorded on its first authentication and shown in the key listing.</summary>
public sealed class ApiKeyLastUseTests(PlatformFixture platform)
{
    [Fact]
    public async Task AKeysFirstUseIsRecordedAndListed()
    {
        var tenant = await platform.Client.CreateTenantAsync("last-use");
        var (_, key, keyId) = await tenant.CreateUserWithKeyAsync("reader", ["member"]);
        Assert.Null(await LastUsedAsync(tenant, keyId));

        using var client = platform.Client.Gateway(key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/v1/me", TestContext.Current.CancellationToken)).StatusCode);

        var lastUsed = await LastUsedAsync(tenant, keyId);
        Assert.NotNull(lastUsed);
        Assert.InRange(lastUsed.Value, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    private async Task<DateTimeOffset?> LastUsedAsync(TenantContext tenant, string keyId)
    {
        var page = await platform.Client.SendAsync(tenant.OwnerKey, HttpMethod.Get, "/v1/api-keys?pageSize=100");
        var listed = page["items"]!.AsArray().Single(k => (string?)k!["id"] == keyId)!;
        return listed["lastUsedAt"]?.GetValue<DateTimeOffset>();
    }
}
