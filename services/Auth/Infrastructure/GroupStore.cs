using Dapper;
using SecureRag.Auth.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Auth.Infrastructure;

public sealed class GroupStore(ServiceDatabase database)
{
    public Task InsertAsync(DbSession session, GroupRecord group, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO groups (id, tenant_id, name, external_id) VALUES (@Id, @TenantId, @Name, @ExternalId)",
            group, session.Transaction, cancellationToken: cancellationToken));

    public Task<IReadOnlyList<(GroupRecord Group, Guid[] Members)>> ListAsync(Guid tenantId, int limit, Guid? after, CancellationToken cancellationToken) =>
        QueryAsync(tenantId, limit, after, null, cancellationToken);

    public async Task<(GroupRecord Group, Guid[] Members)?> GetAsync(Guid tenantId, Guid groupId, CancellationToken cancellationToken) =>
        (await QueryAsync(tenantId, 1, null, groupId, cancellationToken)) is [var found] ? found : null;

    private async Task<IReadOnlyList<(GroupRecord Group, Guid[] Members)>> QueryAsync(Guid tenantId, int limit, Guid? after, Guid? id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<GroupRow>(new CommandDefinition(
            """
            SELECT g.id AS Id, g.tenant_id AS TenantId, g.name AS Name, g.external_id AS ExternalId,
                   coalesce(array_agg(m.user_id ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS Members
            FROM groups g LEFT JOIN group_members m ON m.group_id = g.id
            WHERE g.tenant_id = @TenantId AND (@After::uuid IS NULL OR g.id > @After) AND (@Id::uuid IS NULL OR g.id = @Id)
            GROUP BY g.id ORDER BY g.id LIMIT @Limit
            """,
            new { TenantId = tenantId, Limit = limit, After = after, Id = id }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => (new GroupRecord(r.Id, r.TenantId, r.Name, r.ExternalId), r.Members))];
    }

    /// <returns>False when the group is not the tenant's, or a user is not.</returns>
    public async Task<bool> SetMembersAsync(DbSession session, Guid tenantId, Guid groupId, IReadOnlyList<Guid> userIds, CancellationToken cancellationToken)
    {
        var valid = await session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            """
            SELECT EXISTS (SELECT 1 FROM groups WHERE id = @GroupId AND tenant_id = @TenantId)
               AND (SELECT count(*) FROM users WHERE tenant_id = @TenantId AND id = ANY(@UserIds)) = cardinality(@UserIds)
            """,
            new { TenantId = tenantId, GroupId = groupId, UserIds = userIds.Distinct().ToArray() }, session.Transaction, cancellationToken: cancellationToken));
        if (!valid)
        {
            return false;
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM group_members WHERE group_id = @GroupId", new { GroupId = groupId }, session.Transaction, cancellationToken: cancellationToken));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO group_members (group_id, user_id) SELECT @GroupId, unnest(@UserIds)",
            new { GroupId = groupId, UserIds = userIds.Distinct().ToArray() }, session.Transaction, cancellationToken: cancellationToken));
        return true;
    }

    public async Task<bool> DeleteAsync(DbSession session, Guid tenantId, Guid groupId, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM groups WHERE id = @GroupId AND tenant_id = @TenantId",
            new { TenantId = tenantId, GroupId = groupId }, session.Transaction, cancellationToken: cancellationToken)) == 1;

    private sealed record GroupRow(Guid Id, Guid TenantId, string Name, string? ExternalId, Guid[] Members)
    {
        // Dapper binds through this and the properties (array columns come as System.Array).
        private GroupRow()
            : this(default, default, "", null, [])
        {
        }
    }
}
