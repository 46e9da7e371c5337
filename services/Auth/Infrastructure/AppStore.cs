using Dapper;
using SecureRag.Auth.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Auth.Infrastructure;

public sealed class AppStore(ServiceDatabase database)
{
    private const string Columns = """
        id AS Id, tenant_id AS TenantId, name AS Name, system_prompt AS SystemPrompt, knowledge_bases AS KnowledgeBases,
        guardrail_policy AS GuardrailPolicy, model AS Model, audience AS Audience, limits::text AS Limits,
        audit_text AS AuditText, version AS Version, updated_at AS UpdatedAt
        """;

    public Task InsertAsync(DbSession session, AppRecord app, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO apps (id, tenant_id, name, system_prompt, knowledge_bases, guardrail_policy, model, audience, limits, audit_text)
            VALUES (@Id, @TenantId, @Name, @SystemPrompt, @KnowledgeBases, @GuardrailPolicy, @Model, @Audience, @Limits::jsonb, @AuditText)
            """,
            app, session.Transaction, cancellationToken: cancellationToken));

    public async Task<AppRecord?> GetAsync(Guid tenantId, Guid appId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<AppRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM apps WHERE tenant_id = @TenantId AND id = @Id",
            new { TenantId = tenantId, Id = appId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<AppRecord>> ListAsync(Guid tenantId, int limit, Guid? after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AppRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM apps WHERE tenant_id = @TenantId AND (@After::uuid IS NULL OR id > @After) ORDER BY id LIMIT @Limit",
            new { TenantId = tenantId, Limit = limit, After = after }, cancellationToken: cancellationToken))];
    }

    /// <returns>The updated app, or null when it is not the tenant's or its version moved on.</returns>
    public Task<AppRecord?> UpdateAsync(DbSession session, AppRecord app, int expectedVersion, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<AppRecord>(new CommandDefinition(
            $"""
            UPDATE apps SET name = @Name, system_prompt = @SystemPrompt, knowledge_bases = @KnowledgeBases,
                guardrail_policy = @GuardrailPolicy, model = @Model, audience = @Audience, limits = @Limits::jsonb,
                audit_text = @AuditText, version = version + 1, updated_at = now()
            WHERE tenant_id = @TenantId AND id = @Id AND version = @ExpectedVersion
            RETURNING {Columns}
            """,
            new { app.Id, app.TenantId, app.Name, app.SystemPrompt, app.KnowledgeBases, app.GuardrailPolicy, app.Model, app.Audience, app.Limits, app.AuditText, ExpectedVersion = expectedVersion },
            session.Transaction, cancellationToken: cancellationToken));

    public async Task<bool> DeleteAsync(DbSession session, Guid tenantId, Guid appId, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM apps WHERE tenant_id = @TenantId AND id = @Id",
            new { TenantId = tenantId, Id = appId }, session.Transaction, cancellationToken: cancellationToken)) == 1;

    public async Task<IReadOnlyList<AppGrantRecord>> GetGrantsAsync(Guid appId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<AppGrantRecord>(new CommandDefinition(
            "SELECT kind AS Kind, grantee_id AS GranteeId FROM app_grants WHERE app_id = @Id ORDER BY kind, grantee_id",
            new { Id = appId }, cancellationToken: cancellationToken))];
    }

    public async Task SetGrantsAsync(DbSession session, Guid appId, IReadOnlyList<AppGrantRecord> grants, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM app_grants WHERE app_id = @Id", new { Id = appId }, session.Transaction, cancellationToken: cancellationToken));
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO app_grants (app_id, kind, grantee_id) VALUES (@AppId, @Kind, @GranteeId)",
            grants.Distinct().Select(g => new { AppId = appId, g.Kind, g.GranteeId }), session.Transaction, cancellationToken: cancellationToken));
    }
}
