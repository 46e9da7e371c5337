using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;

namespace SecureRag.Auth.Oidc;

/// <summary>The development identity provider's discovery document, key set and token endpoint.</summary>
internal static class DevelopmentIdentityProviderEndpoints
{
    private const int DefaultLifetimeSeconds = 3600;
    private const int MaxLifetimeSeconds = 24 * 3600;
    private const int MaxGroups = 200;

    public static RouteGroupBuilder Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(DevelopmentIdentityProvider.BasePath)
            .WithTags("Development identity provider")
            .ExcludeFromDescription()
            .AllowAnonymous();
        group.MapGet("/.well-known/openid-configuration", GetDiscoveryDocument);
        group.MapGet("/jwks", GetKeySet);
        group.MapPost("/token", IssueToken);
        return group;
    }

    private static Ok<DevelopmentDiscoveryDocument> GetDiscoveryDocument(HttpRequest request, DevelopmentIdentityProvider provider)
    {
        var issuer = provider.IssuerFor(request);
        return TypedResults.Ok(new DevelopmentDiscoveryDocument(
            issuer, $"{issuer}/jwks", $"{issuer}/token", ["token"], ["public"], [SecurityAlgorithms.RsaSha256]));
    }

    private static Ok<DevelopmentJsonWebKeySet> GetKeySet(DevelopmentIdentityProvider provider) =>
        TypedResults.Ok(provider.KeySet());

    private static Results<Ok<DevelopmentTokenResponse>, ValidationProblem> IssueToken(
        DevelopmentTokenRequest body, HttpRequest request, DevelopmentIdentityProvider provider)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Subject))
        {
            errors["subject"] = ["A subject is required."];
        }

        if (string.IsNullOrWhiteSpace(body.Audience))
        {
            errors["audience"] = ["An audience is required."];
        }

        if (body.LifetimeSeconds is < 1 or > MaxLifetimeSeconds)
        {
            errors["lifetime_seconds"] = [$"The lifetime must be between 1 and {MaxLifetimeSeconds} seconds."];
        }

        if (body.Groups is { } groups && (groups.Count > MaxGroups || groups.Any(string.IsNullOrWhiteSpace)))
        {
            errors["groups"] = [$"At most {MaxGroups} groups, none empty."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var lifetime = body.LifetimeSeconds ?? DefaultLifetimeSeconds;
        var issuer = provider.IssuerFor(request);
        var token = provider.CreateToken(issuer, body, TimeSpan.FromSeconds(lifetime));
        return TypedResults.Ok(new DevelopmentTokenResponse(token, "Bearer", lifetime, issuer));
    }
}
