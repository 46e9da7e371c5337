using System.Text.Json.Nodes;
using SecureRag.Auth.Assertions;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Apis;

public static class AssertionKeysEndpoint
{
    /// <summary>The published key set (JWKS) every service verifies assertions with.</summary>
    public static IEndpointRouteBuilder MapAssertionKeys(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(RemoteAssertionKeySource.KeySetPath, async (SigningKeyStore keys, CancellationToken ct) =>
        {
            var published = await keys.GetPublishedKeysAsync(ct);
            var set = new JsonObject { ["keys"] = new JsonArray([.. published.Select(k => JsonNode.Parse(k.PublicJwk))]) };
            return TypedResults.Text(set.ToJsonString(), "application/json");
        }).ExcludeFromDescription();
        return endpoints;
    }
}
