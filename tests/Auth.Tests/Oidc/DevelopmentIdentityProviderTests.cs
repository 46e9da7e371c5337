using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SecureRag.Auth.Oidc;

namespace SecureRag.Auth.Tests.Oidc;

public sealed class DevelopmentIdentityProviderTests
{
    private static readonly object TokenRequest = new
    {
        subject = "dev-user",
        email = "dev@example.com",
        name = "Dev User",
        groups = new[] { "builders", "readers" },
        audience = TestRealm.Audience,
        lifetime_seconds = 600,
    };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InDevelopmentAuthIssuesTokensItAccepts()
    {
        await using var app = await StartAsync("Development");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var issuer = $"{app.Urls.Single().TrimEnd('/')}/dev/oidc";

        var discovery = await http.GetFromJsonAsync<JsonElement>("/dev/oidc/.well-known/openid-configuration", Cancellation);
        var keys = await http.GetFromJsonAsync<JsonElement>("/dev/oidc/jwks", Cancellation);
        using var response = await http.PostAsJsonAsync("/dev/oidc/token", TokenRequest, Cancellation);
        var issued = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(issuer, discovery.GetProperty("issuer").GetString());
        Assert.Equal($"{issuer}/jwks", discovery.GetProperty("jwks_uri").GetString());
        Assert.Equal("RSA", keys.GetProperty("keys")[0].GetProperty("kty").GetString());
        Assert.Equal("Bearer", issued.GetProperty("token_type").GetString());
        Assert.Equal(600, issued.GetProperty("expires_in").GetInt32());
        Assert.Equal(issuer, issued.GetProperty("issuer").GetString());

        var validator = app.Services.GetRequiredService<IExternalTokenValidator>();
        var (identity, error) = await validator.ValidateAsync(
            issued.GetProperty("access_token").GetString()!, Bindings.Only(issuer), Cancellation);
        Assert.Null(error);
        Assert.Equal("dev-user", identity!.Subject);
        Assert.Equal("dev@example.com", identity.Email);
        Assert.Equal(["builders", "readers"], identity.Groups);
    }

    [Fact]
    public async Task DevelopmentProviderIsAStandardDiscoveryIssuer()
    {
        await using var app = await StartAsync("Development");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        var issuer = $"{app.Urls.Single().TrimEnd('/')}/dev/oidc";
        using var response = await http.PostAsJsonAsync("/dev/oidc/token", TokenRequest, Cancellation);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString()!;

        // Another process trusting the development issuer reads it through discovery, like any provider.
        using var host = ValidatorHost.Create([issuer]);
        var (identity, error) = await host.Validator.ValidateAsync(token, Bindings.Only(issuer), Cancellation);

        Assert.Null(error);
        Assert.Equal("dev-user", identity!.Subject);
    }

    [Fact]
    public async Task TokenRequestWithoutSubjectOrAudienceIsAProblem()
    {
        await using var app = await StartAsync("Development");
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        using var response = await http.PostAsJsonAsync("/dev/oidc/token", new { lifetime_seconds = 0 }, Cancellation);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancellation);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("subject", out _));
        Assert.True(errors.TryGetProperty("audience", out _));
        Assert.True(errors.TryGetProperty("lifetime_seconds", out _));
    }

    [Fact]
    public async Task OutsideDevelopmentTheProviderDoesNotExist()
    {
        await using var development = await StartAsync("Development");
        using var devHttp = new HttpClient { BaseAddress = new Uri(development.Urls.Single()) };
        using var devResponse = await devHttp.PostAsJsonAsync("/dev/oidc/token", TokenRequest, Cancellation);
        var devToken = (await devResponse.Content.ReadFromJsonAsync<JsonElement>(Cancellation)).GetProperty("access_token").GetString()!;
        var devIssuer = $"{development.Urls.Single().TrimEnd('/')}/dev/oidc";

        await using var production = await StartAsync("Production");
        using var http = new HttpClient { BaseAddress = new Uri(production.Urls.Single()) };

        using var discovery = await http.GetAsync("/dev/oidc/.well-known/openid-configuration", Cancellation);
        using var keys = await http.GetAsync("/dev/oidc/jwks", Cancellation);
        using var token = await http.PostAsJsonAsync("/dev/oidc/token", TokenRequest, Cancellation);
        var (identity, error) = await production.Services.GetRequiredService<IExternalTokenValidator>()
            .ValidateAsync(devToken, Bindings.Only(devIssuer), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, discovery.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, keys.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
        Assert.Null(identity);
        Assert.Equal(OidcErrors.UntrustedIssuer, error);
    }

    /// <summary>Auth's OIDC registrations and development endpoints in a tiny app on 127.0.0.1.</summary>
    private static async Task<WebApplication> StartAsync(string environment)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddOidc();
        var app = builder.Build();
        app.MapDevelopmentIdentityProvider();
        await app.StartAsync(Cancellation);
        return app;
    }
}
