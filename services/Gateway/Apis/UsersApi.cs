using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Auth;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using CreateUserRequest = SecureRag.Gateway.Apis.Dtos.CreateUserRequest;

namespace SecureRag.Gateway.Apis;

public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder endpoints)
    {
        var users = endpoints.MapGroup("/v1/users").WithTags("Users");
        users.MapPost("/", CreateAsync).WithName("CreateUser").RequirePermission(Permission.ManageUsers);
        users.MapGet("/", ListAsync).WithName("ListUsers").RequirePermission(Permission.ManageUsers);
        users.MapGet("/{id}", GetAsync).WithName("GetUser").RequirePermission(Permission.ManageUsers);
        users.MapPut("/{id}/roles", SetRolesAsync).WithName("SetUserRoles")
            .WithSummary("Replaces the user's roles (owners only).").RequirePermission(Permission.AssignRoles);
        return endpoints;
    }

    private static Task<Results<Created<UserDto>, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () =>
        {
            var user = await auth.CreateUserAsync(new Contracts.Auth.CreateUserRequest
            {
                DisplayName = request.DisplayName ?? "",
                Email = request.Email ?? "",
                Issuer = request.Issuer ?? "",
                Subject = request.Subject ?? "",
            }, context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/users/{user.Id}", user.ToDto());
        });

    private static Task<Results<Ok<Page<UserDto>>, ProblemHttpResult>> ListAsync(
        HttpContext context, Administration.AdministrationClient auth, int? pageSize, string? pageToken) =>
        RpcCall.Try(async () =>
        {
            var page = await auth.ListUsersAsync(DtoMapping.ToListRequest(pageSize, pageToken), context.For("auth"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<UserDto>([.. page.Users.Select(u => u.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<UserDto>, ProblemHttpResult>> GetAsync(string id, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await auth.GetUserAsync(new IdRequest { Id = id }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<UserDto>, ProblemHttpResult>> SetRolesAsync(
        string id, SetRolesRequest request, HttpContext context, Administration.AdministrationClient auth) =>
        RpcCall.Try(async () => TypedResults.Ok((await auth.SetUserRolesAsync(new SetUserRolesRequest
        {
            UserId = id,
            Roles = { (request.Roles ?? []).Select(r => new RoleAssignment { Role = r.Role ?? "", Scope = r.Scope ?? "" }) },
        }, context.For("auth"), cancellationToken: context.RequestAborted)).ToDto()));
}
