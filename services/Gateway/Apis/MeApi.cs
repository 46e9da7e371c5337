using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

public static class MeApi
{
    public static IEndpointRouteBuilder MapMeApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/me", GetMe)
            .WithName("GetMe").WithTags("Identity").WithSummary("Who the credential belongs to.")
            .RequirePermission(Permission.Identify);
        return endpoints;
    }

    internal static Ok<MeResponse> GetMe(HttpContext context)
    {
        var caller = context.GetCaller()!;
        var p = caller.Principal;
        return TypedResults.Ok(new MeResponse(p.TenantId, p.PrincipalId, p.Kind.ToString().ToLowerInvariant(), p.Roles, p.GroupIds, p.Scopes, p.AppId, caller.ApiKeyId));
    }
}
