using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Tests.Oidc;

[Collection(IdentityProviderCollection.Name)]
public sealed class OidcTokenAcceptanceTests(TestIdentityProvider provider)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RsaSignedTokenIsAcceptedWithItsIdentityMapped()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var expires = DateTime.UtcNow.AddMinutes(30);
        var token = realm.CreateToken(realm.Rsa, new Dictionary<string, object>
        {
            ["sub"] = "alice",
            ["email"] = "alice@example.com",
            ["name"] = "Alice Example",
            ["groups"] = new[] { "engineering", "on call", "engineering" },
        }, customize: d => d.Expires = expires);

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(error);
        Assert.NotNull(identity);
        Assert.Equal(realm.Issuer, identity.Issuer);
        Assert.Equal(TestRealm.Audience, identity.Audience);
        Assert.Equal("alice", identity.Subject);
        Assert.Equal("alice@example.com", identity.Email);
        Assert.Equal("Alice Example", identity.Name);
        Assert.Equal(["engineering", "on call"], identity.Groups);
        Assert.Equal(new DateTimeOffset(expires), identity.ExpiresAt, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task SpaceSeparatedGroupsFromTheBindingsClaimAreSplit()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(realm.Ec, new Dictionary<string, object>
        {
            ["sub"] = "bob",
            ["groups"] = new[] { "ignored" },
            ["roles"] = " readers  writers\tadmins ",
        });

        var (identity, error) = await host.Validator.ValidateAsync(
            token, Bindings.Only(realm.Issuer, groupsClaim: "roles"), Cancellation);

        Assert.Null(error);
        Assert.Equal(["readers", "writers", "admins"], identity!.Groups);
        Assert.Null(identity.Email);
    }

    [Theory]
    [InlineData(SecurityAlgorithms.RsaSha256)]
    [InlineData(SecurityAlgorithms.RsaSsaPssSha256)]
    [InlineData(SecurityAlgorithms.EcdsaSha256)]
    public async Task EachAsymmetricAlgorithmIsAccepted(string algorithm)
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(algorithm == SecurityAlgorithms.EcdsaSha256 ? realm.Ec : realm.Rsa, algorithm: algorithm);

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(error);
        Assert.Equal("alice", identity!.Subject);
        Assert.Empty(identity.Groups);
    }

    [Fact]
    public async Task TokenForSeveralAudiencesIsAcceptedForTheOneBound()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(
            realm.Rsa, new Dictionary<string, object> { ["sub"] = "carol", ["aud"] = new[] { "account", TestRealm.Audience } }, audience: null);

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(error);
        Assert.Equal(TestRealm.Audience, identity!.Audience);
    }

    [Fact]
    public async Task TheKeySetIsFetchedOnceForManyTokens()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);

        for (var i = 0; i < 5; i++)
        {
            var token = realm.CreateToken(i % 2 == 0 ? realm.Rsa : realm.Ec);
            var (identity, _) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);
            Assert.NotNull(identity);
        }

        Assert.Equal(1, realm.DiscoveryFetches);
        Assert.Equal(1, realm.KeySetFetches);
    }

    [Fact]
    public async Task RotatedKeyIsAcceptedAfterOneRefresh()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var (before, _) = await host.Validator.ValidateAsync(realm.CreateToken(realm.Rsa), Bindings.Only(realm.Issuer), Cancellation);
        Assert.NotNull(before);

        var rotated = TestKeys.Rotated("rsa-2");
        realm.Publish(rotated);
        var (after, error) = await host.Validator.ValidateAsync(realm.CreateToken(rotated), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(error);
        Assert.NotNull(after);
        Assert.Equal(2, realm.KeySetFetches);
    }
}
