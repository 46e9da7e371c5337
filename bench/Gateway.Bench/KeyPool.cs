using SecureRag.Bench;

namespace SecureRag.Gateway.Bench;

/// <summary>
/// A tenant with many users, each holding many API keys, created through the public admin API. Requests rotate over
/// every key, so the rate limiter keeps a counter per key and the authentication cache holds one entry per key.
/// </summary>
public sealed class KeyPool(string ownerKey, string[] keys)
{
    private const int KeysPerUser = 100;
    private int _next;

    public string OwnerKey { get; } = ownerKey;

    public int Count => keys.Length;

    public string Next() => keys[(Interlocked.Increment(ref _next) & int.MaxValue) % keys.Length];

    public static async Task<KeyPool> CreateAsync(GatewayClient gateway, string operatorKey, int count, CancellationToken cancellationToken)
    {
        var tenant = await gateway.SendAsync(HttpMethod.Post, "/v1/tenants", operatorKey, new { name = $"gateway-bench-{Guid.NewGuid():N}" }, cancellationToken);
        var owner = tenant["ownerKey"]!["secret"]!.GetValue<string>();
        var users = new List<string>();
        for (var i = 0; i < (count + KeysPerUser - 1) / KeysPerUser; i++)
        {
            var user = await gateway.SendAsync(HttpMethod.Post, "/v1/users", owner, new { displayName = $"bench user {i}" }, cancellationToken);
            var userId = user["id"]!.GetValue<string>();
            await gateway.SendAsync(HttpMethod.Put, $"/v1/users/{userId}/roles", owner, new { roles = new[] { new { role = "member" } } }, cancellationToken);
            users.Add(userId);
        }

        var keys = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                keys[i] = await CreateKeyAsync(gateway, owner, users[i / KeysPerUser], $"bench key {i}", cancellationToken);
            }
        }));
        return new KeyPool(owner, keys);
    }

    /// <returns>The new key's secret and id.</returns>
    public static async Task<(string Secret, string Id)> CreateKeyWithIdAsync(GatewayClient gateway, string ownerKey, string userId, string name, CancellationToken cancellationToken)
    {
        var created = await gateway.SendAsync(HttpMethod.Post, "/v1/api-keys", ownerKey, new { name, userId, scopes = new[] { "query" } }, cancellationToken);
        return (created["secret"]!.GetValue<string>(), created["key"]!["id"]!.GetValue<string>());
    }

    private static async Task<string> CreateKeyAsync(GatewayClient gateway, string ownerKey, string userId, string name, CancellationToken cancellationToken) =>
        (await CreateKeyWithIdAsync(gateway, ownerKey, userId, name, cancellationToken)).Secret;
}
