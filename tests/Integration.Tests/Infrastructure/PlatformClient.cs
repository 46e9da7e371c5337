using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureRag.Hosting;
using SecureRag.Hosting.Testing;

namespace SecureRag.Integration.Tests.Infrastructure;

/// <summary>Calls the Gateway's public API as a client application would.</summary>
public sealed class PlatformClient(DistributedApplication app, string ownerKey)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The default tenant's owner (a platform operator): the key the bootstrap credential was exchanged for.</summary>
    public string OwnerKey { get; } = ownerKey;

    public static async Task<PlatformClient> BootstrapAsync(DistributedApplication app)
    {
        var path = Path.Combine(app.DataDirectory, "bootstrap-owner.credential");
        var credential = (await File.ReadAllTextAsync(path)).Trim();
        using var gateway = app.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bootstrap");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(Json);
        return new PlatformClient(app, created!["secret"]!.GetValue<string>());
    }

    /// <summary>A client of one Gateway replica, sending <paramref name="credential"/> as its bearer.</summary>
    public HttpClient Gateway(string? credential = null, int replica = 0)
    {
        var client = new HttpClient { BaseAddress = app.GetEndpoint("gateway", replica: replica) };
        if (credential is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        }

        return client;
    }

    public async Task<JsonObject> SendAsync(string credential, HttpMethod method, string path, object? body = null, int replica = 0)
    {
        using var client = Gateway(credential, replica);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? [] : JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>A JSON request body in the API's naming.</summary>
    public static StringContent JsonBody(object body) =>
        new(JsonSerializer.Serialize(body, Json), System.Text.Encoding.UTF8, "application/json");

    /// <summary>A new tenant, with its owner's key.</summary>
    public async Task<TenantContext> CreateTenantAsync(string name)
    {
        var created = await SendAsync(OwnerKey, HttpMethod.Post, "/v1/tenants", new { name });
        return new TenantContext(this, created["tenant"]!["id"]!.GetValue<string>(), created["ownerKey"]!["secret"]!.GetValue<string>());
    }
}
