using Dapper;
using SecureRag.Auth.Domain;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Auth.Infrastructure;

public sealed class ApiKeyStore(ServiceDatabase database)
{
    private const string Columns = """
        id AS Id, tenant_id AS TenantId, name AS Name, app_id AS AppId, user_id AS UserId, digest AS Digest,
        prefix AS Prefix, scopes AS Scopes, allowed_addresses AS AllowedAddresses, expires_at AS ExpiresAt,
        bootstrap AS Bootstrap, created_at AS CreatedAt, last_used_at AS LastUsedAt, revoked_at AS RevokedAt
        """;

    public async Task<StoredApiKey?> FindByDigestAsync(byte[] digest, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<StoredApiKey>(new CommandDefinition(
            $"SELECT {Columns} FROM api_keys WHERE digest = @Digest", new { Digest = digest }, cancellationToken: cancellationToken));
    }

    public Task InsertAsync(DbSession session, StoredApiKey key, string createdBy, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO api_keys (id, tenant_id, name, app_id, user_id, digest, prefix, scopes, allowed_addresses, expires_at, bootstrap, created_by)
            VALUES (@Id, @TenantId, @Name, @AppId, @UserId, @Digest, @Prefix, @Scopes, @AllowedAddresses, @ExpiresAt, @Bootstrap, @CreatedBy)
            """,
            new { key.Id, key.TenantId, key.Name, key.AppId, key.UserId, key.Digest, key.Prefix, key.Scopes, key.AllowedAddresses, key.ExpiresAt, key.Bootstrap, CreatedBy = createdBy },
            session.Transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<StoredApiKey>> ListAsync(Guid tenantId, int limit, DateTime? after, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<StoredApiKey>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM api_keys
            WHERE tenant_id = @TenantId AND NOT bootstrap AND (@After::timestamptz IS NULL OR created_at > @After)
            ORDER BY created_at LIMIT @Limit
            """,
            new { TenantId = tenantId, Limit = limit, After = after }, cancellationToken: cancellationToken))];
    }

    /// <summary>Revokes the key if it is the tenant's; revoking twice keeps the first time.</summary>
    public Task<StoredApiKey?> RevokeAsync(DbSession session, Guid tenantId, Guid id, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<StoredApiKey>(new CommandDefinition(
            $"""
            UPDATE api_keys SET revoked_at = coalesce(revoked_at, now())
            WHERE tenant_id = @TenantId AND id = @Id RETURNING {Columns}
            """,
            new { TenantId = tenantId, Id = id }, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Consumes a one-time key: true for the single caller that got to it first.</summary>
    public async Task<bool> ConsumeAsync(DbSession session, Guid id, CancellationToken cancellationToken) =>
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = now(), last_used_at = now() WHERE id = @Id AND revoked_at IS NULL",
            new { Id = id }, session.Transaction, cancellationToken: cancellationToken)) == 1;

    public async Task TouchAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET last_used_at = now() WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }
}
