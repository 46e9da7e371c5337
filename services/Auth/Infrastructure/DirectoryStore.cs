using Dapper;
using SecureRag.Auth.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Auth.Infrastructure;

/// <summary>Tenants, their identity-provider bindings, users, roles and groups.</summary>
public sealed class DirectoryStore(ServiceDatabase database)
{
    private const string UserColumns = """
        id AS Id, tenant_id AS TenantId, email AS Email, display_name AS DisplayName, issuer AS Issuer,
        subject AS Subject, disabled AS Disabled, platform_operator AS PlatformOperator
        """;

    public async Task<bool> AnyTenantAsync(DbSession session, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM tenants)", transaction: session.Transaction, cancellationToken: cancellationToken));

    public Task InsertTenantAsync(DbSession session, TenantRecord tenant, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO tenants (id, name, plan) VALUES (@Id, @Name, @Plan)", tenant, session.Transaction, cancellationToken: cancellationToken));

    public async Task<TenantRecord?> GetTenantAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<TenantRecord>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, plan AS Plan, created_at AS CreatedAt FROM tenants WHERE id = @Id",
            new { Id = tenantId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<IdentityBinding>> GetBindingsAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<IdentityBinding>(new CommandDefinition(
            "SELECT issuer AS Issuer, audience AS Audience, tenant_id AS TenantId, groups_claim AS GroupsClaim FROM identity_providers WHERE tenant_id = @Id ORDER BY issuer, audience",
            new { Id = tenantId }, cancellationToken: cancellationToken))];
    }

    public async Task<IdentityBinding?> FindBindingAsync(string issuer, string audience, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<IdentityBinding>(new CommandDefinition(
            "SELECT issuer AS Issuer, audience AS Audience, tenant_id AS TenantId, groups_claim AS GroupsClaim FROM identity_providers WHERE issuer = @Issuer AND audience = @Audience",
            new { Issuer = issuer, Audience = audience }, cancellationToken: cancellationToken));
    }

    /// <returns>False when another tenant already binds that issuer and audience.</returns>
    public async Task<bool> BindAsync(DbSession session, IdentityBinding binding, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO identity_providers (issuer, audience, tenant_id, groups_claim) VALUES (@Issuer, @Audience, @TenantId, @GroupsClaim)
            ON CONFLICT (issuer, audience) DO UPDATE SET groups_claim = excluded.groups_claim
            WHERE identity_providers.tenant_id = excluded.tenant_id
            """,
            binding, session.Transaction, cancellationToken: cancellationToken)) == 1;

    public Task InsertUserAsync(DbSession session, UserRecord user, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO users (id, tenant_id, email, display_name, issuer, subject, disabled, platform_operator)
            VALUES (@Id, @TenantId, @Email, @DisplayName, @Issuer, @Subject, @Disabled, @PlatformOperator)
            """,
            user, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Finds or creates the user a verified external token names (just-in-time provisioning).</summary>
    public async Task<UserRecord> UpsertExternalUserAsync(Guid tenantId, string issuer, string subject, string? email, string? name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<UserRecord>(new CommandDefinition(
            $"""
            INSERT INTO users (id, tenant_id, email, display_name, issuer, subject) VALUES (@Id, @TenantId, @Email, @Name, @Issuer, @Subject)
            ON CONFLICT (tenant_id, issuer, subject) DO UPDATE
                SET email = coalesce(nullif(excluded.email, ''), users.email), display_name = coalesce(nullif(excluded.display_name, ''), users.display_name)
            RETURNING {UserColumns}
            """,
            new { Id = Guid.CreateVersion7(), TenantId = tenantId, Email = email ?? "", Name = name ?? "", Issuer = issuer, Subject = subject },
            cancellationToken: cancellationToken));
    }

    public async Task<UserRecord?> GetUserAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<UserRecord>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE tenant_id = @TenantId AND id = @Id",
            new { TenantId = tenantId, Id = userId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(Guid tenantId, int limit, Guid? after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<UserRecord>(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE tenant_id = @TenantId AND (@After::uuid IS NULL OR id > @After) ORDER BY id LIMIT @Limit",
            new { TenantId = tenantId, Limit = limit, After = after }, cancellationToken: cancellationToken))];
    }

    public async Task SetRolesAsync(DbSession session, Guid userId, IReadOnlyList<RoleGrant> roles, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM role_assignments WHERE user_id = @Id", new { Id = userId }, session.Transaction, cancellationToken: cancellationToken));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO role_assignments (user_id, role, scope) VALUES (@UserId, @Role, @Scope)",
            roles.Select(r => new { UserId = userId, r.Role, r.Scope }), session.Transaction, cancellationToken: cancellationToken));
    }

    private const string MembershipQueries = """
        SELECT role AS Role, scope AS Scope FROM role_assignments WHERE user_id = @Id ORDER BY role, scope;
        SELECT group_id FROM group_members WHERE user_id = @Id ORDER BY group_id;
        """;

    /// <summary>The user's roles and groups, read in one round trip.</summary>
    public async Task<UserMembership> GetMembershipAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            MembershipQueries, new { Id = userId }, cancellationToken: cancellationToken));
        return await ReadMembershipAsync(results);
    }

    /// <summary>A user with their roles and groups, read in one round trip: what authenticating a user's API key needs.</summary>
    public async Task<(UserRecord User, UserMembership Membership)?> GetUserWithMembershipAsync(Guid tenantId, Guid userId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"SELECT {UserColumns} FROM users WHERE tenant_id = @TenantId AND id = @Id;\n{MembershipQueries}",
            new { TenantId = tenantId, Id = userId }, cancellationToken: cancellationToken));
        var user = await results.ReadSingleOrDefaultAsync<UserRecord>();
        return user is null ? null : (user, await ReadMembershipAsync(results));
    }

    private static async Task<UserMembership> ReadMembershipAsync(SqlMapper.GridReader results) =>
        new([.. await results.ReadAsync<RoleGrant>()], [.. await results.ReadAsync<Guid>()]);

    /// <summary>Makes the user's membership of provider-managed groups (those with an external id) match the token.</summary>
    public async Task SyncExternalGroupsAsync(Guid tenantId, Guid userId, IReadOnlyList<string> externalIds, CancellationToken cancellationToken)
    {
        await database.InTransactionAsync(async (session, ct) =>
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                DELETE FROM group_members m USING groups g
                WHERE m.group_id = g.id AND m.user_id = @UserId AND g.tenant_id = @TenantId
                  AND g.external_id IS NOT NULL AND NOT (g.external_id = ANY(@ExternalIds))
                """,
                new { TenantId = tenantId, UserId = userId, ExternalIds = externalIds.ToArray() }, session.Transaction, cancellationToken: ct));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO group_members (group_id, user_id)
                SELECT id, @UserId FROM groups WHERE tenant_id = @TenantId AND external_id = ANY(@ExternalIds)
                ON CONFLICT DO NOTHING
                """,
                new { TenantId = tenantId, UserId = userId, ExternalIds = externalIds.ToArray() }, session.Transaction, cancellationToken: ct));
        }, cancellationToken);
    }
}
