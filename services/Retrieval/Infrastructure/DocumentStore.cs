using Dapper;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>Approval, access, metadata and deletion of indexed documents; each call commits before it returns.</summary>
public sealed class DocumentStore(ServiceDatabase database, VersionPromotion promotion)
{
    /// <returns>Whether anything changed, and the searchable version afterwards (0: none).</returns>
    public Task<(bool Changed, long SearchableVersion)> SetApprovalAsync(
        string tenantId, string documentId, long version, bool approve, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var docKey = await LockAsync(session, tenantId, documentId, ct);
            var target = await session.Connection.QueryFirstOrDefaultAsync<(long VersionKey, short Approval)>(new CommandDefinition(
                "SELECT version_key, approval FROM document_versions WHERE doc_key = @docKey AND version = @version",
                new { docKey, version }, session.Transaction, cancellationToken: ct));
            if (target.VersionKey == 0)
            {
                throw new IndexNotFoundException($"Version {version} of document '{documentId}' is not in the index.");
            }

            var changed = false;
            if (approve && target.Approval != 2)
            {
                await promotion.PromoteAsync(session, docKey, target.VersionKey, ct);
                changed = true;
            }
            else if (!approve)
            {
                // Rejecting removes that version only: the searchable one (if another) stays.
                await VersionPromotion.DeleteVersionsAsync(session, [target.VersionKey], ct);
                changed = true;
            }

            return (changed, await SearchableVersionAsync(session, docKey, ct));
        }, cancellationToken);

    public Task<bool> SetAccessAsync(string tenantId, string documentId, string[] access, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var docKey = await LockAsync(session, tenantId, documentId, ct);
            var changed = await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE documents SET access = @access, updated_at = now() WHERE doc_key = @docKey AND access IS DISTINCT FROM @access",
                new { docKey, access }, session.Transaction, cancellationToken: ct));
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE document_versions SET access = @access WHERE doc_key = @docKey",
                new { docKey, access }, session.Transaction, cancellationToken: ct));
            return changed > 0;
        }, cancellationToken);

    public Task UpdateMetadataAsync(string tenantId, string documentId, DocumentMetadataRecord metadata, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var docKey = await LockAsync(session, tenantId, documentId, ct);
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE document_versions SET metadata = @metadata::jsonb WHERE doc_key = @docKey;
                UPDATE documents d
                SET title = m.title, source = m.source, tags = m.tags, author = m.author, effective_date = m.effective_date, updated_at = now()
                FROM jsonb_to_record(@metadata::jsonb) AS m(title text, source text, tags text[], author text, effective_date timestamptz)
                WHERE d.doc_key = @docKey;
                """,
                new { docKey, metadata = MetadataJson.Serialize(metadata) }, session.Transaction, cancellationToken: ct));
        }, cancellationToken);

    /// <returns>The chunks removed, or null when the document was not indexed.</returns>
    public Task<int?> DeleteAsync(string tenantId, string documentId, CancellationToken cancellationToken) =>
        database.InTransactionAsync<int?>(async (session, ct) =>
        {
            var docKey = await session.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT doc_key FROM documents WHERE tenant_id = @tenantId AND document_id = @documentId FOR UPDATE",
                new { tenantId, documentId }, session.Transaction, cancellationToken: ct));
            if (docKey is null)
            {
                return null;
            }

            var versions = (await session.Connection.QueryAsync<long>(new CommandDefinition(
                "SELECT version_key FROM document_versions WHERE doc_key = @docKey",
                new { docKey }, session.Transaction, cancellationToken: ct))).ToArray();
            var chunks = versions.Length == 0 ? 0 : await VersionPromotion.DeleteVersionsAsync(session, versions, ct);
            await session.Connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM documents WHERE doc_key = @docKey", new { docKey }, session.Transaction, cancellationToken: ct));
            return chunks;
        }, cancellationToken);

    public async Task<DocumentStatusRecord?> GetStatusAsync(string tenantId, string documentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var document = await connection.QueryFirstOrDefaultAsync<DocumentRow>(new CommandDefinition(
            """
            SELECT d.doc_key AS DocKey, k.kb_id AS KbId, coalesce(v.version, 0) AS LiveVersion, d.access AS Access,
                   d.title AS Title, d.source AS Source, d.tags AS Tags, d.author AS Author, d.effective_date AS EffectiveDate
            FROM documents d JOIN knowledge_bases k USING (kb_key)
            LEFT JOIN document_versions v ON v.version_key = d.live_version_key
            WHERE d.tenant_id = @tenantId AND d.document_id = @documentId
            """,
            new { tenantId, documentId }, cancellationToken: cancellationToken));
        if (document is null)
        {
            return null;
        }

        var versions = await connection.QueryAsync<VersionStatusRecord>(new CommandDefinition(
            """
            SELECT version AS Version, content_hash AS ContentHash, approval AS Approval, chunk_count AS ChunkCount, indexed_at AS IndexedAt
            FROM document_versions WHERE doc_key = @docKey ORDER BY version
            """,
            new { docKey = document.DocKey }, cancellationToken: cancellationToken));
        DateTimeOffset? effective = document.EffectiveDate is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null;
        return new DocumentStatusRecord(documentId, document.KbId, document.LiveVersion, [.. versions], document.Access,
            new DocumentMetadataRecord(document.Title, document.Source, document.Tags, document.Author, effective));
    }

    private static async Task<long> LockAsync(DbSession session, string tenantId, string documentId, CancellationToken ct) =>
        await session.Connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT doc_key FROM documents WHERE tenant_id = @tenantId AND document_id = @documentId FOR UPDATE",
            new { tenantId, documentId }, session.Transaction, cancellationToken: ct))
        ?? throw new IndexNotFoundException($"Document '{documentId}' is not in the index.");

    private static Task<long> SearchableVersionAsync(DbSession session, long docKey, CancellationToken ct) =>
        session.Connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT coalesce((SELECT v.version FROM documents d JOIN document_versions v ON v.version_key = d.live_version_key
                             WHERE d.doc_key = @docKey), 0)
            """,
            new { docKey }, session.Transaction, cancellationToken: ct));
}
