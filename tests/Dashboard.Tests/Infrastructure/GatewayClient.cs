using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using SecureRag.Hosting;
using SecureRag.Hosting.Testing;

namespace SecureRag.Dashboard.Tests.Infrastructure;

/// <summary>Calls the Gateway's public API as a client application would.</summary>
public sealed class GatewayClient(DistributedApplication app, string ownerKey)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The default tenant's owner: the key the bootstrap credential was exchanged for.</summary>
    public string OwnerKey { get; } = ownerKey;

    public static async Task<GatewayClient> BootstrapAsync(DistributedApplication app)
    {
        var credential = (await File.ReadAllTextAsync(Path.Combine(app.DataDirectory, SecureRag.AppHost.SecureRagApp.BootstrapCredentialFile))).Trim();
        using var gateway = app.CreateHttpClient("gateway");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/bootstrap");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        using var response = await gateway.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonObject>(Json);
        return new GatewayClient(app, created!["secret"]!.GetValue<string>());
    }

    /// <summary>Sends a request with <paramref name="credential"/> as bearer; returns the status and the JSON body.</summary>
    public async Task<(int Status, JsonObject Body)> TrySendAsync(string credential, HttpMethod method, string path, object? body = null)
    {
        using var client = app.CreateHttpClient("gateway");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", credential);
        using var response = await client.SendAsync(new HttpRequestMessage(method, path)
        {
            Content = body is null ? null : JsonContent.Create(body, options: Json),
        });
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && JsonNode.Parse(text) is JsonObject parsed ? parsed : [];
        return ((int)response.StatusCode, json);
    }

    public async Task<JsonObject> SendAsync(string credential, HttpMethod method, string path, object? body = null)
    {
        var (status, json) = await TrySendAsync(credential, method, path, body);
        Assert.True(status is >= 200 and < 300, $"{method} {path} answered {status}: {json.ToJsonString()}");
        return json;
    }
}
