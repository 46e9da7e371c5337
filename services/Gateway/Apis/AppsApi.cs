using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using UpdateAppRequest = SecureRag.Gateway.Apis.Dtos.UpdateAppRequest;

namespace SecureRag.Gateway.Apis;

public static class AppsApi
{
    public static IEndpointRouteBuilder MapAppsApi(this IEndpointRouteBuilder endpoints)
    {
        var apps = endpoints.MapGroup("/v1/apps").WithTags("Apps");
        apps.MapPost("/", CreateAsync).WithName("CreateApp").RequirePermission(Permission.ManageApps);
        apps.MapGet("/", ListAsync).WithName("ListApps").RequirePermission(Permission.ReadApps);
        apps.MapGet("/{id}", GetAsync).WithName("GetApp").RequirePermission(Permission.ReadApps);
        apps.MapPut("/{id}", UpdateAsync).WithName("UpdateApp")
            .WithSummary("Changes the app, its system prompt included (builders only).").RequirePermission(Permission.ManageApps);
        apps.MapPut("/{id}/grants", SetGrantsAsync).WithName("SetAppGrants")
            .WithSummary("Replaces who may use the app.").RequirePermission(Permission.GrantApps);
        apps.MapDelete("/{id}", DeleteAsync).WithName("DeleteApp").RequirePermission(Permission.ManageApps);
        return endpoints;
    }

    private static Task<Results<Created<AppDto>, ProblemHttpResult>> CreateAsync(
        AppSpecDto request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            var app = await auth.CreateAppAsync(request.ToProto(), context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/apps/{app.Id}", app.ToDto());
        });

    private static Task<Results<Ok<Page<AppDto>>, ProblemHttpResult>> ListAsync(
        HttpContext context, Administration.AdministrationClient auth, int? pageSize, string? pageToken) =>
        RpcCall.Try(async () =>
        {
            var page = await auth.ListAppsAsync(DtoMapping.ToListRequest(pageSize, pageToken), context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<AppDto>([.. page.Apps.Select(a => a.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<AppDto>, ProblemHttpResult>> GetAsync(string id, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await auth.GetAppAsync(new IdRequest { Id = id }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<AppDto>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateAppRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.UpdateAppAsync(new Contracts.Auth.UpdateAppRequest
        {
            Id = id,
            Spec = request.Spec?.ToProto(),
            ExpectedVersion = request.ExpectedVersion,
        }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<AppDto>, ProblemHttpResult>> SetGrantsAsync(
        string id, SetGrantsRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.SetAppGrantsAsync(new SetAppGrantsRequest
        {
            AppId = id,
            Grants = { (request.Grants ?? []).Select(g => new AppGrant { Kind = g.Kind ?? "", Id = g.Id ?? "" }) },
        }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            await auth.DeleteAppAsync(new IdRequest { Id = id }, context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.NoContent();
        });
}
