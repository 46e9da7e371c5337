using System.Net;
using System.Text.Json.Nodes;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

/// <summary>A tenant binds one of the issuers the operator trusts, and no two tenants bind the same issuer and audience.</summary>
public sealed class IdentityProviderBindingTests(PlatformFixture platform)
{
    private const string Path = "/v1/tenants/current/identity-providers";

    [Fact]
    public async Task AnIssuerTheOperatorDoesNotTrustIsRefusedNamingTheField()
    {
        var tenant = await platform.Client.CreateTenantAsync("untrusted-idp");
        using var owner = platform.Client.Gateway(tenant.OwnerKey);

        using var response = await owner.PostAsync(Path, PlatformClient.JsonBody(new { issuer = "https://idp.attacker.example", audience = "securerag" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Contains("trusts", problem.ToJsonString(), StringComparison.Ordinal);
        var tenantNow = await platform.Client.SendAsync(tenant.OwnerKey, HttpMethod.Get, "/v1/tenants/current");
        Assert.Empty(tenantNow["identityProviders"]!.AsArray());
    }

    [Fact]
    public async Task TheSameIssuerAndAudienceCannotBeBoundByTwoTenants()
    {
        var first = await platform.Client.CreateTenantAsync("idp-first");
        var second = await platform.Client.CreateTenantAsync("idp-second");
        var binding = new { issuer = PlatformFixture.TrustedIssuer, audience = $"shared-{Guid.NewGuid():N}" };
        await platform.Client.SendAsync(first.OwnerKey, HttpMethod.Post, Path, binding);

        using var owner = platform.Client.Gateway(second.OwnerKey);
        using var response = await owner.PostAsync(Path, PlatformClient.JsonBody(binding), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }
}
