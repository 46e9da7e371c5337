using SecureRag.Auth.Oidc;

namespace SecureRag.Auth.Tests.Oidc;

[Collection(IdentityProviderCollection.Name)]
public sealed class OidcTokenShapeTests(TestIdentityProvider provider)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("garbage")]
    [InlineData("only.two")]
    [InlineData("a.b.c")]
    [InlineData("!!!.###.$$$")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.%%%.c2ln")]
    [InlineData("bm90IGpzb24.e30.c2ln")]
    [InlineData("eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln")]
    [InlineData("a.b.c.d.e")]
    [InlineData(".e30.c2ln")]
    public async Task MalformedTokenIsRefused(string token)
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.Malformed, error);
        Assert.Equal(0, realm.DiscoveryFetches);
    }

    [Fact]
    public async Task EmptyTokenIsRefused()
    {
        using var host = ValidatorHost.Create([]);

        var (identity, error) = await host.Validator.ValidateAsync("", Bindings.None, Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.Missing, error);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("None")]
    [InlineData("NONE")]
    public async Task UnsignedTokenIsRefused(string algorithm)
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = RawTokens.Unsigned(new { alg = algorithm, typ = "JWT", kid = realm.Rsa.KeyId }, RawTokens.Payload(realm.Issuer));

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.AlgorithmNotAllowed, error);
    }

    [Fact]
    public async Task HmacTokenKeyedWithThePublicKeyIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = RawTokens.SignedWithPublicKeyAsHmac(realm.Rsa, RawTokens.Payload(realm.Issuer));

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.AlgorithmNotAllowed, error);
    }

    [Fact]
    public async Task AlgorithmOutsideTheConfiguredListIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm, new Dictionary<string, string?> { ["Auth:Oidc:AllowedAlgorithms:0"] = "ES256" });

        var (identity, error) = await host.Validator.ValidateAsync(realm.CreateToken(realm.Rsa), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.AlgorithmNotAllowed, error);
    }

    [Fact]
    public async Task OversizedTokenIsRefusedBeforeParsing()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var signed = realm.CreateToken(realm.Rsa, new Dictionary<string, object> { ["sub"] = "alice", ["padding"] = new string('x', 9000) });

        var (identity, error) = await host.Validator.ValidateAsync(signed, Bindings.Only(realm.Issuer), Cancellation);
        var (_, hugeError) = await host.Validator.ValidateAsync(new string('a', 1_000_000), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.TooLarge, error);
        Assert.Equal(OidcErrors.TooLarge, hugeError);
        Assert.Equal(0, realm.DiscoveryFetches);
    }

    [Fact]
    public async Task OversizedHeaderIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var header = new { alg = "RS256", kid = realm.Rsa.KeyId, x5u = "https://example.com/" + new string('k', 2000) };
        var token = RawTokens.Unsigned(header, RawTokens.Payload(realm.Issuer)) + "c2ln";

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.True(token.Length < 8 * 1024);
        Assert.Null(identity);
        Assert.Equal(OidcErrors.HeaderTooLarge, error);
    }

    [Fact]
    public async Task CriticalHeaderParametersAreRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = RawTokens.Unsigned(new { alg = "RS256", kid = realm.Rsa.KeyId, crit = new[] { "b64" }, b64 = false }, RawTokens.Payload(realm.Issuer)) + "c2ln";

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.CriticalHeader, error);
    }
}
