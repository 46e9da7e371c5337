using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>Knowledge bases of a tenant. Every query is scoped to the caller's tenant.</summary>
public sealed class KnowledgeBaseStore(ServiceDatabase database)
{
    private const string Select = """
        SELECT k.*,
               (SELECT count(*) FROM documents d WHERE d.knowledge_base_id = k.id)::int AS document_count,
               (SELECT count(*) FROM documents d WHERE d.knowledge_base_id = k.id AND k.review_before IS NOT NULL
                    AND coalesce(d.effective_date, d.created_at) < k.review_before)::int AS stale_document_count
        FROM knowledge_bases k
        """;

    public async Task<KnowledgeBaseRow?> GetAsync(string tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KnowledgeBaseRow>(new CommandDefinition(
            $"{Select} WHERE k.tenant_id = @TenantId AND k.id = @Id", new { TenantId = tenantId, Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>The row, locked until the session's transaction ends.</summary>
    public Task<KnowledgeBaseRow?> LockAsync(DbSession session, string tenantId, Guid id, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<KnowledgeBaseRow>(new CommandDefinition(
            "SELECT * FROM knowledge_bases WHERE tenant_id = @TenantId AND id = @Id FOR UPDATE",
            new { TenantId = tenantId, Id = id }, session.Transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<KnowledgeBaseRow>> ListAsync(string tenantId, string? afterName, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<KnowledgeBaseRow>(new CommandDefinition(
            $"{Select} WHERE k.tenant_id = @TenantId AND (@AfterName::text IS NULL OR k.name > @AfterName) ORDER BY k.name LIMIT @Limit",
            new { TenantId = tenantId, AfterName = afterName, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public Task InsertAsync(DbSession session, KnowledgeBaseRow row, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO knowledge_bases (id, tenant_id, name, description, classification, access, approval_mode, review_before,
                exclude_stale, findings_policy, embedding_model, embedder_id, version, created_by, created_at, updated_at)
            VALUES (@Id, @TenantId, @Name, @Description, @Classification, @Access, @ApprovalMode, @ReviewBefore,
                @ExcludeStale, @FindingsPolicy, @EmbeddingModel, @EmbedderId, 1, @CreatedBy, @CreatedAt, @UpdatedAt)
            """, row, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Writes the mutable settings and bumps the version.</summary>
    public Task UpdateAsync(DbSession session, KnowledgeBaseRow row, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE knowledge_bases SET description = @Description, classification = @Classification, access = @Access,
                approval_mode = @ApprovalMode, review_before = @ReviewBefore, exclude_stale = @ExcludeStale,
                findings_policy = @FindingsPolicy, version = version + 1, updated_at = @UpdatedAt
            WHERE id = @Id
            """, row, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Records the embedder of the knowledge base's vectors unless one is recorded already; returns the one that holds.</summary>
    public async Task<string> ClaimEmbedderAsync(Guid id, string embedderId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "UPDATE knowledge_bases SET embedder_id = coalesce(embedder_id, @EmbedderId) WHERE id = @Id RETURNING embedder_id",
            new { Id = id, EmbedderId = embedderId }, cancellationToken: cancellationToken)) ?? embedderId;
    }

    public async Task<KnowledgeBaseRow?> GetByIdAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<KnowledgeBaseRow>(new CommandDefinition(
            "SELECT * FROM knowledge_bases WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }
}
