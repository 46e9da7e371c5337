using Dapper;
using SecureRag.Contracts.Events;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Guardrail.Infrastructure;

/// <summary>
/// Policies in the service's schema. A save takes a transaction-scoped advisory lock on the tenant's app, so two
/// concurrent saves get consecutive versions (and a stale expected version is refused), and raises the
/// <c>guardrail.policy.saved</c> audit event in the same transaction.
/// </summary>
public sealed class PostgresPolicyStore(ServiceDatabase database, AuditTrail audit, TimeProvider time) : IPolicyStore
{
    private const string Columns = "tenant_id AS TenantId, app_id AS AppId, version AS Version, document AS Json, created_at AS CreatedAt, created_by AS CreatedBy";

    public async Task<StoredPolicy?> GetAsync(string tenantId, string appId, int version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var sql = version == 0
            ? $"SELECT {Columns} FROM policies WHERE tenant_id = @tenantId AND app_id = @appId ORDER BY version DESC LIMIT 1"
            : $"SELECT {Columns} FROM policies WHERE tenant_id = @tenantId AND app_id = @appId AND version = @version";
        var row = await connection.QuerySingleOrDefaultAsync<PolicyRow>(
            new CommandDefinition(sql, new { tenantId, appId, version }, cancellationToken: cancellationToken));
        return row?.ToStored();
    }

    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(string tenantId, string appId, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<PolicyRow>(new CommandDefinition(
            $"SELECT {Columns} FROM policies WHERE tenant_id = @tenantId AND app_id = @appId ORDER BY version DESC LIMIT @limit",
            new { tenantId, appId, limit }, cancellationToken: cancellationToken));
        return [.. rows.Select(r => r.ToStored())];
    }

    public Task<StoredPolicy> SaveAsync(PolicySave save, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var connection = session.Connection;
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtext('securerag.guardrail.policy/' || @TenantId || '/' || @AppId))",
                new { save.TenantId, save.AppId }, session.Transaction, cancellationToken: ct));
            var latest = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT coalesce(max(version), 0) FROM policies WHERE tenant_id = @TenantId AND app_id = @AppId",
                new { save.TenantId, save.AppId }, session.Transaction, cancellationToken: ct));
            if (save.ExpectedVersion is { } expected && expected != latest)
            {
                throw new PolicyVersionConflictException(expected, latest);
            }

            var stored = new StoredPolicy(save.TenantId, save.AppId, latest + 1, save.Json, time.GetUtcNow(), save.ActorId);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO policies (tenant_id, app_id, version, document, created_at, created_by)
                VALUES (@TenantId, @AppId, @Version, @Json, @CreatedAt, @CreatedBy)
                """,
                stored, session.Transaction, cancellationToken: ct));

            await audit.RaiseAsync(session, new AuditEventRaised
            {
                TenantId = save.TenantId,
                Actor = new AuditActor(save.ActorKind, save.ActorId, save.OnBehalfOf),
                Action = "guardrail.policy.saved",
                Target = $"app:{save.AppId}",
                Outcome = "success",
                AppId = save.AppId,
                Details = new Dictionary<string, string> { ["version"] = stored.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            }, ct);
            return stored;
        }, cancellationToken);

    private sealed record PolicyRow(string TenantId, string AppId, int Version, string Json, DateTime CreatedAt, string CreatedBy)
    {
        public StoredPolicy ToStored() => new(TenantId, AppId, Version, Json, new DateTimeOffset(DateTime.SpecifyKind(CreatedAt, DateTimeKind.Utc)), CreatedBy);
    }
}
