using Dapper;
using Npgsql;
using SecureRag.Retrieval.Domain.Indexing;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// Writes one document version — version row, chunks with vectors, postings — in one transaction, and makes it the
/// searchable version when it arrives approved. Concurrent writers of one document are serialised by its row lock.
/// </summary>
public sealed class DocumentIndexWriter(ServiceDatabase database, ChunkBulkWriter bulk, VersionPromotion promotion)
{
    public Task<IndexOutcome> IndexAsync(string tenantId, DocumentVersionInput input, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var connection = session.Connection;
            var dimension = VectorDimension(input);
            var kb = await ReadKnowledgeBaseAsync(session, tenantId, input.KnowledgeBaseId, share: false, ct);
            if (dimension > 0 && kb.Dimension is null)
            {
                // The first vectors fix the dimension. Updating before taking the share lock below means two first
                // writers queue on the row instead of deadlocking on a share-to-exclusive upgrade.
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE knowledge_bases SET dimension = @dimension WHERE kb_key = @kbKey AND dimension IS NULL",
                    new { dimension, kbKey = kb.KbKey }, session.Transaction, cancellationToken: ct));
            }

            kb = await ReadKnowledgeBaseAsync(session, tenantId, input.KnowledgeBaseId, share: true, ct);
            CheckVectors(kb.EmbedderId, kb.Dimension, dimension, input);

            var metadata = MetadataJson.Serialize(input.Metadata);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO documents (tenant_id, document_id, kb_key, access, title, source, tags, author, effective_date)
                SELECT @tenantId, @documentId, @kbKey, @access, m.title, m.source, m.tags, m.author, m.effective_date
                FROM jsonb_to_record(@metadata::jsonb) AS m(title text, source text, tags text[], author text, effective_date timestamptz)
                ON CONFLICT (tenant_id, document_id) DO NOTHING
                """,
                new { tenantId, documentId = input.DocumentId, kbKey = kb.KbKey, access = input.Access, metadata },
                session.Transaction, cancellationToken: ct));
            var document = await connection.QuerySingleAsync<(long DocKey, int KbKey, long? LiveVersionKey)>(new CommandDefinition(
                "SELECT doc_key, kb_key, live_version_key FROM documents WHERE tenant_id = @tenantId AND document_id = @documentId FOR UPDATE",
                new { tenantId, documentId = input.DocumentId }, session.Transaction, cancellationToken: ct));
            if (document.KbKey != kb.KbKey)
            {
                throw new IndexConflictException($"Document '{input.DocumentId}' belongs to another knowledge base; delete it there first.");
            }

            var existing = (await connection.QueryAsync<(long VersionKey, long Version, string ContentHash)>(new CommandDefinition(
                "SELECT version_key, version, content_hash FROM document_versions WHERE doc_key = @docKey",
                new { docKey = document.DocKey }, session.Transaction, cancellationToken: ct))).ToList();
            var same = existing.Where(v => v.Version == input.Version).ToList();
            if (same.Count > 0)
            {
                if (!string.Equals(same[0].ContentHash, input.ContentHash, StringComparison.Ordinal))
                {
                    throw new IndexConflictException($"Version {input.Version} of document '{input.DocumentId}' is already indexed with other content.");
                }

                return new IndexOutcome(true, 0, document.LiveVersionKey == same[0].VersionKey);
            }

            if (existing.Count > 0 && existing.Max(v => v.Version) > input.Version)
            {
                throw new IndexConflictException($"Document '{input.DocumentId}' already has a version newer than {input.Version}.");
            }

            var analysed = ChunkBulkWriter.Analyse(input);
            var versionKey = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO document_versions (doc_key, version, content_hash, approval, chunk_count, total_length, embedder_id, access, metadata)
                VALUES (@docKey, @version, @contentHash, @approval, @chunkCount, @totalLength, @embedderId, @access, @metadata::jsonb)
                RETURNING version_key
                """,
                new
                {
                    docKey = document.DocKey,
                    version = input.Version,
                    contentHash = input.ContentHash,
                    approval = (short)(input.Approved ? 2 : 1),
                    chunkCount = input.Chunks.Count,
                    totalLength = analysed.Sum(a => (long)a.Length),
                    embedderId = input.EmbedderId,
                    access = input.Access,
                    metadata,
                },
                session.Transaction, cancellationToken: ct));

            await bulk.WriteAsync(session, versionKey, input, analysed, dimension, ct);
            if (input.Approved)
            {
                await promotion.PromoteAsync(session, document.DocKey, versionKey, ct);
            }
            else
            {
                await promotion.DropSupersededPendingAsync(session, document.DocKey, versionKey, ct);
            }

            return new IndexOutcome(false, input.Chunks.Count, input.Approved);
        }, cancellationToken);

    private static async Task<(int KbKey, string EmbedderId, int? Dimension)> ReadKnowledgeBaseAsync(
        DbSession session, string tenantId, string kbId, bool share, CancellationToken ct)
    {
        var kb = await session.Connection.QueryFirstOrDefaultAsync<(int KbKey, string EmbedderId, int? Dimension)>(new CommandDefinition(
            "SELECT kb_key, embedder_id, dimension FROM knowledge_bases WHERE tenant_id = @tenantId AND kb_id = @kbId" + (share ? " FOR SHARE" : ""),
            new { tenantId, kbId }, session.Transaction, cancellationToken: ct));
        return kb.KbKey != 0
            ? kb
            : throw new IndexConflictException($"Knowledge base '{kbId}' is not in the index: call PutKnowledgeBase first.");
    }

    private static int VectorDimension(DocumentVersionInput input)
    {
        var dimensions = input.Chunks.Select(c => c.Vector.Length).Distinct().ToList();
        return dimensions.Count <= 1
            ? dimensions.SingleOrDefault()
            : throw new ArgumentException("Every chunk's vector must have the same dimension.");
    }

    private static void CheckVectors(string kbEmbedder, int? kbDimension, int dimension, DocumentVersionInput input)
    {
        if (dimension == 0)
        {
            return;
        }

        if (kbEmbedder.Length == 0 || !string.Equals(kbEmbedder, input.EmbedderId, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The vectors come from embedder '{input.EmbedderId}' but the knowledge base uses '{kbEmbedder}'.");
        }

        if (kbDimension != dimension)
        {
            throw new ArgumentException($"The knowledge base's vectors have dimension {kbDimension}, these have {dimension}.");
        }
    }
}
