using System.Text.Json.Nodes;

namespace SecureRag.Integration.Tests.Infrastructure;

/// <summary>A tenant of the running platform and its owner, with shortcuts to set up users, apps and keys.</summary>
public sealed class TenantContext(PlatformClient client, string tenantId, string ownerKey)
{
    public string TenantId { get; } = tenantId;

    public string OwnerKey { get; } = ownerKey;

    public PlatformClient Client { get; } = client;

    /// <summary>A user with the given roles, and an API key of theirs with <paramref name="scopes"/>.</summary>
    public async Task<(string UserId, string Key, string KeyId)> CreateUserWithKeyAsync(string name, string[] roles, string[]? scopes = null)
    {
        var user = await Client.SendAsync(OwnerKey, HttpMethod.Post, "/v1/users", new { displayName = name });
        var userId = user["id"]!.GetValue<string>();
        await Client.SendAsync(OwnerKey, HttpMethod.Put, $"/v1/users/{userId}/roles", new { roles = roles.Select(r => new { role = r }) });
        var key = await CreateKeyAsync(new { name = $"{name} key", userId, scopes = scopes ?? ["query", "ingest", "admin"] });
        return (userId, key.Secret, key.Id);
    }

    public async Task<(string Secret, string Id)> CreateKeyAsync(object request)
    {
        var created = await Client.SendAsync(OwnerKey, HttpMethod.Post, "/v1/api-keys", request);
        return (created["secret"]!.GetValue<string>(), created["key"]!["id"]!.GetValue<string>());
    }

    public async Task<JsonObject> CreateAppAsync(string builderKey, string name, string systemPrompt = "You are a helpful assistant.") =>
        await Client.SendAsync(builderKey, HttpMethod.Post, "/v1/apps", new { name, audience = "internal", systemPrompt });
}
