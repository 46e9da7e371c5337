using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.ServiceDefaults.Tests.Security;

public sealed class AssertionValidatorTests
{
    private readonly TestKeys _keys = new();

    private AssertionValidator Validator(string audience = "retrieval") =>
        new(_keys, Options.Create(new ServiceIdentityOptions { Name = audience }), TimeProvider.System);

    [Fact]
    public async Task ValidAssertionYieldsTheCallerFromItsClaims()
    {
        var (caller, error) = await Validator().ValidateAsync(TestKeys.Token(_keys.Published), TestContext.Current.CancellationToken);

        Assert.Null(error);
        Assert.NotNull(caller);
        Assert.Equal("tenant-1", caller.TenantId);
        Assert.Equal("user-1", caller.PrincipalId);
        Assert.Equal(PrincipalKind.User, caller.Kind);
        Assert.Equal(["g1", "g2"], caller.GroupIds);
        Assert.True(caller.HasRole("member"));
        Assert.True(caller.HasScope("query"));
    }

    [Fact]
    public async Task ExpiredAssertionIsRefused()
    {
        var token = TestKeys.Token(_keys.Published, expires: DateTime.UtcNow.AddMinutes(-5));

        var (caller, error) = await Validator().ValidateAsync(token, TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.Equal("The assertion has expired.", error);
    }

    [Fact]
    public async Task AssertionForAnotherServiceIsRefused()
    {
        var (caller, error) = await Validator("guardrail").ValidateAsync(TestKeys.Token(_keys.Published, audience: "retrieval"), TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.Equal("The assertion is for another service.", error);
    }

    [Fact]
    public async Task AssertionSignedWithAnUnpublishedKeyIsRefusedAfterOneRefresh()
    {
        var (caller, error) = await Validator().ValidateAsync(TestKeys.Token(_keys.Unpublished), TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.NotNull(error);
        Assert.Equal(1, _keys.Refreshes);
    }

    [Fact]
    public async Task AssertionWithAForgedSignatureIsRefused()
    {
        // A real token's header and claims, with the signature of another key under the published key's id.
        var genuine = TestKeys.Token(_keys.Published).Split('.');
        var forger = new ECDsaSecurityKey(System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256)) { KeyId = "published" };
        var forged = TestKeys.Token(forger, claims: new Dictionary<string, object> { ["sub"] = "admin", [AssertionClaims.Tenant] = "tenant-1", [AssertionClaims.Roles] = new[] { "owner" } });

        var (caller, _) = await Validator().ValidateAsync(forged, TestContext.Current.CancellationToken);
        var (tampered, _) = await Validator().ValidateAsync($"{genuine[0]}.{Base64UrlEncoder.Encode("{\"sub\":\"admin\",\"tid\":\"tenant-1\"}")}.{genuine[2]}", TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.Null(tampered);
    }

    [Fact]
    public async Task UnsignedAssertionIsRefused()
    {
        var header = Base64UrlEncoder.Encode("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        var payload = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(
            $"{{\"iss\":\"{AssertionClaims.Issuer}\",\"aud\":\"retrieval\",\"sub\":\"admin\",\"tid\":\"t\",\"exp\":{DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds()}}}"));

        var (caller, _) = await Validator().ValidateAsync($"{header}.{payload}.", TestContext.Current.CancellationToken);

        Assert.Null(caller);
    }

    [Fact]
    public async Task AssertionFromAnotherIssuerIsRefused()
    {
        var (caller, error) = await Validator().ValidateAsync(TestKeys.Token(_keys.Published, issuer: "someone-else"), TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.Equal("The assertion was not issued by Auth.", error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("a.b.c")]
    public async Task MalformedAssertionIsRefusedWithoutThrowing(string token)
    {
        var (caller, error) = await Validator().ValidateAsync(token, TestContext.Current.CancellationToken);

        Assert.Null(caller);
        Assert.NotNull(error);
    }
}
