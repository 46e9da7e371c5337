using SecureRag.Auth.Oidc;

namespace SecureRag.Auth.Tests.Oidc;

[Collection(IdentityProviderCollection.Name)]
public sealed class OidcTokenRefusalTests(TestIdentityProvider provider)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UnknownKeyIdIsRefusedAfterOneRateLimitedRefresh()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var stranger = TestKeys.Other("not-published");

        var (first, firstError) = await host.Validator.ValidateAsync(realm.CreateToken(stranger), Bindings.Only(realm.Issuer), Cancellation);
        var (second, secondError) = await host.Validator.ValidateAsync(realm.CreateToken(stranger), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(first);
        Assert.Null(second);
        Assert.Equal(OidcErrors.UnknownKey, firstError);
        Assert.Equal(OidcErrors.UnknownKey, secondError);
        Assert.Equal(2, realm.KeySetFetches); // the first fetch, then one refresh; the second token waits for the interval
    }

    [Fact]
    public async Task PublishedKeyIdWithAnotherKeysSignatureIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var impostor = TestKeys.Other(realm.Rsa.KeyId!);

        var (identity, error) = await host.Validator.ValidateAsync(realm.CreateToken(impostor), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.InvalidSignature, error);
    }

    [Fact]
    public async Task UntrustedIssuerIsRefusedWithoutBeingContacted()
    {
        var trusted = provider.CreateRealm();
        var untrusted = provider.CreateRealm();
        using var host = ValidatorHost.Create(trusted);

        var (identity, error) = await host.Validator.ValidateAsync(
            untrusted.CreateToken(untrusted.Rsa), Bindings.Only(untrusted.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.UntrustedIssuer, error);
        Assert.Equal(0, untrusted.DiscoveryFetches);
    }

    [Fact]
    public async Task BoundIssuerWithAnotherAudienceIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(realm.Rsa, audience: "api://another-application");

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.NotBound, error);
    }

    [Fact]
    public async Task IssuerAndAudienceNoTenantBindsAreRefusedBeforeKeysAreFetched()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);

        var (identity, error) = await host.Validator.ValidateAsync(realm.CreateToken(realm.Rsa), Bindings.None, Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.NotBound, error);
        Assert.Equal(0, realm.KeySetFetches);
    }

    [Fact]
    public async Task TokenWhoseAudiencesTwoTenantsBindIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(
            realm.Rsa, new Dictionary<string, object> { ["sub"] = "carol", ["aud"] = new[] { "api://one", "api://two" } }, audience: null);
        Func<string, string, CancellationToken, Task<string?>> bothBound = (_, _, _) => Task.FromResult<string?>("groups");

        var (identity, error) = await host.Validator.ValidateAsync(token, bothBound, Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.AmbiguousAudience, error);
    }

    [Fact]
    public async Task ExpiredTokenIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(realm.Rsa, customize: d =>
        {
            d.IssuedAt = d.NotBefore = DateTime.UtcNow.AddHours(-2);
            d.Expires = DateTime.UtcNow.AddMinutes(-5);
        });

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.Expired, error);
    }

    [Fact]
    public async Task TokenNotValidYetIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(realm.Ec, customize: d =>
        {
            d.IssuedAt = DateTime.UtcNow;
            d.NotBefore = DateTime.UtcNow.AddMinutes(10);
            d.Expires = DateTime.UtcNow.AddHours(1);
        });

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.NotYetValid, error);
    }

    [Fact]
    public async Task TokenWithoutSubjectIsRefused()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        var token = realm.CreateToken(realm.Rsa, new Dictionary<string, object> { ["email"] = "nobody@example.com" });

        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.NoSubject, error);
    }

    [Fact]
    public async Task DiscoveryDocumentNamingAnotherIssuerIsNotTrustedForKeys()
    {
        var realm = provider.CreateRealm();
        realm.DiscoveryIssuer = "https://impostor.example.com";
        using var host = ValidatorHost.Create(realm);

        var (identity, error) = await host.Validator.ValidateAsync(realm.CreateToken(realm.Rsa), Bindings.Only(realm.Issuer), Cancellation);

        Assert.Null(identity);
        Assert.Equal(OidcErrors.KeysUnavailable, error);
    }

    [Fact]
    public async Task TokensNeverAppearInLogs()
    {
        var realm = provider.CreateRealm();
        using var host = ValidatorHost.Create(realm);
        string[] tokens =
        [
            realm.CreateToken(realm.Rsa),
            realm.CreateToken(TestKeys.Other("not-published")),
            realm.CreateToken(TestKeys.Other(realm.Rsa.KeyId!)),
            realm.CreateToken(realm.Rsa, audience: "api://another-application"),
            RawTokens.Unsigned(new { alg = "none" }, RawTokens.Payload(realm.Issuer)),
            "eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln",
        ];

        foreach (var token in tokens)
        {
            await host.Validator.ValidateAsync(token, Bindings.Only(realm.Issuer), Cancellation);
        }

        Assert.NotEmpty(host.Logs.Lines);
        var segments = tokens.SelectMany(t => t.Split('.')).Where(s => s.Length >= 8).ToList();
        Assert.DoesNotContain(host.Logs.Lines, line => segments.Any(s => line.Contains(s, StringComparison.Ordinal)));
    }
}
