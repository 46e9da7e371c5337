using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using CreateGroupRequest = SecureRag.Gateway.Apis.Dtos.CreateGroupRequest;

namespace SecureRag.Gateway.Apis;

public static class GroupsApi
{
    public static IEndpointRouteBuilder MapGroupsApi(this IEndpointRouteBuilder endpoints)
    {
        var groups = endpoints.MapGroup("/v1/groups").WithTags("Groups").RequirePermission(Permission.ManageGroups);
        groups.MapPost("/", CreateAsync).WithName("CreateGroup");
        groups.MapGet("/", ListAsync).WithName("ListGroups");
        groups.MapPut("/{id}/members", SetMembersAsync).WithName("SetGroupMembers");
        groups.MapDelete("/{id}", DeleteAsync).WithName("DeleteGroup");
        return endpoints;
    }

    private static Task<Results<Created<GroupDto>, ProblemHttpResult>> CreateAsync(
        CreateGroupRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            var group = await auth.CreateGroupAsync(new Contracts.Auth.CreateGroupRequest { Name = request.Name ?? "", ExternalId = request.ExternalId ?? "" },
                context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/groups/{group.Id}", group.ToDto());
        });

    private static Task<Results<Ok<Page<GroupDto>>, ProblemHttpResult>> ListAsync(
        HttpContext context, Administration.AdministrationClient auth, int? pageSize, string? pageToken) =>
        RpcCall.Try(async () =>
        {
            var page = await auth.ListGroupsAsync(DtoMapping.ToListRequest(pageSize, pageToken), context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<GroupDto>([.. page.Groups.Select(g => g.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<GroupDto>, ProblemHttpResult>> SetMembersAsync(
        string id, SetMembersRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.SetGroupMembersAsync(
            new SetGroupMembersRequest { GroupId = id, UserIds = { request.UserIds ?? [] } },
            context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            await auth.DeleteGroupAsync(new IdRequest { Id = id }, context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.NoContent();
        });
}
