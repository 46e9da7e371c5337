using Dapper;
using Npgsql;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>Knowledge bases as the index knows them: classification, access list, staleness rule, embedder.</summary>
public sealed class KnowledgeBaseStore(ServiceDatabase database)
{
    /// <returns>True when the knowledge base was created, false when updated.</returns>
    public Task<bool> PutAsync(string tenantId, KnowledgeBaseSettings kb, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var current = await session.Connection.QueryFirstOrDefaultAsync<(int KbKey, string EmbedderId, int? Dimension)>(new CommandDefinition(
                "SELECT kb_key, embedder_id, dimension FROM knowledge_bases WHERE tenant_id = @tenantId AND kb_id = @id FOR UPDATE",
                new { tenantId, id = kb.KnowledgeBaseId }, session.Transaction, cancellationToken: ct));
            if (current.KbKey != 0 && current.Dimension is not null && !string.Equals(current.EmbedderId, kb.EmbedderId, StringComparison.Ordinal))
            {
                throw new IndexConflictException(
                    $"Knowledge base '{kb.KnowledgeBaseId}' holds vectors of embedder '{current.EmbedderId}'; re-index it into a new knowledge base to change embedders.");
            }

            try
            {
                await session.Connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO knowledge_bases (tenant_id, kb_id, name, classification, access, review_before, exclude_stale, embedder_id, embedding_model)
                    VALUES (@tenantId, @id, @name, @classification, @access, @reviewBefore, @excludeStale, @embedderId, @embeddingModel)
                    ON CONFLICT (tenant_id, kb_id) DO UPDATE SET
                        name = excluded.name, classification = excluded.classification, access = excluded.access,
                        review_before = excluded.review_before, exclude_stale = excluded.exclude_stale,
                        embedder_id = excluded.embedder_id, embedding_model = excluded.embedding_model, updated_at = now()
                    """,
                    new
                    {
                        tenantId,
                        id = kb.KnowledgeBaseId,
                        name = kb.Name,
                        classification = kb.Classification,
                        access = kb.Access,
                        reviewBefore = kb.ReviewBefore?.UtcDateTime,
                        excludeStale = kb.ExcludeStale,
                        embedderId = kb.EmbedderId,
                        embeddingModel = kb.EmbeddingModel,
                    },
                    session.Transaction, cancellationToken: ct));
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new IndexConflictException($"Another knowledge base of the tenant is named '{kb.Name}'.");
            }

            return current.KbKey == 0;
        }, cancellationToken);

    /// <returns>The number of documents removed, or null when the knowledge base did not exist.</returns>
    public Task<int?> DeleteAsync(string tenantId, string kbId, CancellationToken cancellationToken) =>
        database.InTransactionAsync<int?>(async (session, ct) =>
        {
            var kbKey = await session.Connection.QueryFirstOrDefaultAsync<int?>(new CommandDefinition(
                "SELECT kb_key FROM knowledge_bases WHERE tenant_id = @tenantId AND kb_id = @kbId FOR UPDATE",
                new { tenantId, kbId }, session.Transaction, cancellationToken: ct));
            if (kbKey is null)
            {
                return null;
            }

            var versions = (await session.Connection.QueryAsync<long>(new CommandDefinition(
                "SELECT v.version_key FROM document_versions v JOIN documents d USING (doc_key) WHERE d.kb_key = @kbKey",
                new { kbKey }, session.Transaction, cancellationToken: ct))).ToArray();
            if (versions.Length > 0)
            {
                await VersionPromotion.DeleteVersionsAsync(session, versions, ct);
            }

            var documents = await session.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM documents WHERE kb_key = @kbKey", new { kbKey }, session.Transaction, cancellationToken: ct));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM knowledge_bases WHERE kb_key = @kbKey", new { kbKey }, session.Transaction, cancellationToken: ct));
            return documents;
        }, cancellationToken);
}
