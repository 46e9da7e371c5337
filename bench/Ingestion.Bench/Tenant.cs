using SecureRag.Bench;
namespace SecureRag.Ingestion.Bench;

/// <summary>What the benchmark sets up through the public API: a tenant, a knowledge base and an editor's key.</summary>
public sealed record Tenant(string OwnerKey, string KnowledgeBaseId, string EditorKey)
{
    /// <summary>Bootstrap credential → operator key → tenant and owner key → knowledge base, editor user, editor key.</summary>
    public static async Task<Tenant> CreateAsync(GatewayClient gateway, string bootstrapCredential, CancellationToken cancellationToken)
    {
        var operatorKey = await gateway.BootstrapAsync(bootstrapCredential, cancellationToken);
        var tenant = await gateway.SendAsync(HttpMethod.Post, "/v1/tenants", operatorKey, new { name = $"bench-{Guid.NewGuid():N}" }, cancellationToken);
        var ownerKey = tenant["ownerKey"]!["secret"]!.GetValue<string>();
        return await CreateInTenantAsync(gateway, ownerKey, cancellationToken);
    }

    public static async Task<Tenant> CreateInTenantAsync(GatewayClient gateway, string ownerKey, CancellationToken cancellationToken)
    {
        var kb = await gateway.SendAsync(HttpMethod.Post, "/v1/knowledge-bases", ownerKey, new
        {
            name = $"bench-{Guid.NewGuid():N}",
            classification = "internal",
            access = new[] { "tenant:*" },
            approvalMode = "automatic",
        }, cancellationToken);
        var kbId = kb["id"]!.GetValue<string>();
        var user = await gateway.SendAsync(HttpMethod.Post, "/v1/users", ownerKey, new { displayName = "bench editor" }, cancellationToken);
        var userId = user["id"]!.GetValue<string>();
        await gateway.SendAsync(HttpMethod.Put, $"/v1/users/{userId}/roles", ownerKey, new { roles = new[] { new { role = "editor", scope = kbId } } }, cancellationToken);
        var key = await gateway.SendAsync(HttpMethod.Post, "/v1/api-keys", ownerKey, new { name = "bench editor", scopes = new[] { "ingest" }, userId }, cancellationToken);
        return new Tenant(ownerKey, kbId, key["secret"]!.GetValue<string>());
    }
}
