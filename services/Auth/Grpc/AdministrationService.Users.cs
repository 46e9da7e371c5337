using Grpc.Core;
using SecureRag.Auth.Domain;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Auth.Grpc;

public sealed partial class AdministrationService
{
    public override async Task<User> CreateUser(CreateUserRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageUsers);
        if ((request.Issuer.Length == 0) != (request.Subject.Length == 0))
        {
            throw Invalid("subject", "issuer and subject go together");
        }

        var user = new UserRecord(
            Guid.CreateVersion7(), TenantOf(caller), request.Email.Trim(), RequireText(request.DisplayName, "display_name"),
            request.Issuer.Length == 0 ? null : request.Issuer, request.Subject.Length == 0 ? null : request.Subject, false, false);
        await database.InTransactionAsync(async (session, ct) =>
        {
            await directory.InsertUserAsync(session, user, ct);
            await RecordAsync(session, context, caller, "user.created", user.Id.ToString(), principalsChanged: false);
        }, context.CancellationToken);
        return user.ToProto([], []);
    }

    public override async Task<UserList> ListUsers(ListRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context.Require(Permission.ManageUsers));
        var page = await directory.ListUsersAsync(tenantId, PageSize(request), PageAfter(request), context.CancellationToken);
        var list = new UserList { NextPageToken = page.Count == PageSize(request) ? page[^1].Id.ToString() : "" };
        foreach (var user in page)
        {
            list.Users.Add(await ReadUserAsync(user, context.CancellationToken));
        }

        return list;
    }

    public override async Task<User> GetUser(IdRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context.Require(Permission.ManageUsers));
        var user = await directory.GetUserAsync(tenantId, ParseId(request.Id, "id"), context.CancellationToken) ?? throw NotFound("User");
        return await ReadUserAsync(user, context.CancellationToken);
    }

    public override async Task<User> SetUserRoles(SetUserRolesRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.AssignRoles);
        var roles = request.Roles.Select(r => new RoleGrant(r.Role, r.Scope.Trim())).Distinct().ToList();
        if (roles.FirstOrDefault(r => !Roles.Assignable.Contains(r.Role)) is { } unknown)
        {
            throw Invalid("roles", $"'{unknown.Role}' is not one of {string.Join(", ", Roles.Assignable)}");
        }

        if (roles.Any(r => r.Scope.Length > 0 && r.Role is not (Roles.Approver or Roles.Editor)))
        {
            throw Invalid("roles", "only approver and editor can be scoped to a knowledge base");
        }

        var user = await directory.GetUserAsync(TenantOf(caller), ParseId(request.UserId, "user_id"), context.CancellationToken) ?? throw NotFound("User");
        await database.InTransactionAsync(async (session, ct) =>
        {
            await directory.SetRolesAsync(session, user.Id, roles, ct);
            await RecordAsync(session, context, caller, "user.roles.changed", user.Id.ToString(), principalsChanged: true,
                new Dictionary<string, string> { ["roles"] = string.Join(' ', roles.Select(r => Roles.Scoped(r.Role, r.Scope))) });
        }, context.CancellationToken);
        return await ReadUserAsync(user, context.CancellationToken);
    }

    public override async Task<Group> CreateGroup(CreateGroupRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageGroups);
        var group = new GroupRecord(Guid.CreateVersion7(), TenantOf(caller), RequireText(request.Name, "name"),
            request.ExternalId.Length == 0 ? null : RequireText(request.ExternalId, "external_id"));
        await database.InTransactionAsync(async (session, ct) =>
        {
            await groups.InsertAsync(session, group, ct);
            await RecordAsync(session, context, caller, "group.created", group.Id.ToString(), principalsChanged: true);
        }, context.CancellationToken);
        return group.ToProto([]);
    }

    public override async Task<GroupList> ListGroups(ListRequest request, ServerCallContext context)
    {
        var tenantId = TenantOf(context.Require(Permission.ManageGroups));
        var page = await groups.ListAsync(tenantId, PageSize(request), PageAfter(request), context.CancellationToken);
        return new GroupList
        {
            Groups = { page.Select(g => g.Group.ToProto(g.Members)) },
            NextPageToken = page.Count == PageSize(request) ? page[^1].Group.Id.ToString() : "",
        };
    }

    public override async Task<Group> SetGroupMembers(SetGroupMembersRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageGroups);
        var tenantId = TenantOf(caller);
        var groupId = ParseId(request.GroupId, "group_id");
        var members = request.UserIds.Select(u => ParseId(u, "user_ids")).ToList();
        await database.InTransactionAsync(async (session, ct) =>
        {
            if (!await groups.SetMembersAsync(session, tenantId, groupId, members, ct))
            {
                throw NotFound("Group or user");
            }

            await RecordAsync(session, context, caller, "group.members.changed", groupId.ToString(), principalsChanged: true);
        }, context.CancellationToken);
        var group = await groups.GetAsync(tenantId, groupId, context.CancellationToken) ?? throw NotFound("Group");
        return group.Group.ToProto(group.Members);
    }

    public override async Task<Empty> DeleteGroup(IdRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ManageGroups);
        var groupId = ParseId(request.Id, "id");
        await database.InTransactionAsync(async (session, ct) =>
        {
            if (!await groups.DeleteAsync(session, TenantOf(caller), groupId, ct))
            {
                throw NotFound("Group");
            }

            await RecordAsync(session, context, caller, "group.deleted", groupId.ToString(), principalsChanged: true);
        }, context.CancellationToken);
        return new Empty();
    }

    private async Task<User> ReadUserAsync(UserRecord user, CancellationToken cancellationToken)
    {
        var (roles, groupIds) = await directory.GetMembershipAsync(user.Id, cancellationToken);
        return user.ToProto(roles, groupIds);
    }
}
