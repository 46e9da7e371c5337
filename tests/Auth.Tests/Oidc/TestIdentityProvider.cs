using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecureRag.Auth.Tests.Oidc;

/// <summary>
/// A small OpenID Connect provider on 127.0.0.1 (a random port): discovery document and key set per realm
/// (<c>/{realm}/.well-known/openid-configuration</c>, <c>/{realm}/jwks</c>). Started once for the collection.
/// </summary>
public sealed class TestIdentityProvider : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, TestRealm> _realms = new(StringComparer.Ordinal);
    private WebApplication? _app;

    public string BaseAddress { get; private set; } = "";

    /// <summary>A new issuer with a fresh RSA key (<c>rsa-1</c>) and EC P-256 key (<c>ec-1</c>).</summary>
    public TestRealm CreateRealm()
    {
        var realm = new TestRealm($"realm-{Guid.NewGuid():N}", BaseAddress);
        _realms[realm.Name] = realm;
        return realm;
    }

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.MapGet("/{realm}/.well-known/openid-configuration", (string realm) =>
            _realms.TryGetValue(realm, out var r) ? Results.Json(r.DiscoveryDocument()) : Results.NotFound());
        _app.MapGet("/{realm}/jwks", (string realm) =>
            _realms.TryGetValue(realm, out var r) ? Results.Json(r.KeySet()) : Results.NotFound());
        await _app.StartAsync(TestContext.Current.CancellationToken);
        BaseAddress = _app.Urls.Single().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
