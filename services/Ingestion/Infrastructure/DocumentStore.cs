using System.Data;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>Documents, their versions and originals. Every query is scoped to the tenant.</summary>
public sealed class DocumentStore(ServiceDatabase database, Outbox outbox, TimeProvider time)
{
    private const string SelectDocument = """
        SELECT d.*, (k.review_before IS NOT NULL AND coalesce(d.effective_date, d.created_at) < k.review_before) AS stale
        FROM documents d JOIN knowledge_bases k ON k.id = d.knowledge_base_id
        """;

    /// <summary>
    /// Stores the original, the version and its job, and the job's event, in one transaction. The same content again
    /// (for the same document, or as a new document of the same knowledge base) stores nothing and returns what exists.
    /// </summary>
    public Task<StoredVersion?> StoreAsync(NewVersion upload, Stream original, CancellationToken cancellationToken) =>
        database.InTransactionAsync<StoredVersion?>(async (session, ct) =>
        {
            var connection = session.Connection;
            var now = time.GetUtcNow();
            var kb = upload.KnowledgeBase;
            // Serialises uploads of the same content into one knowledge base, so two at once cannot both be new.
            await connection.ExecuteAsync(new CommandDefinition(
                "SELECT pg_advisory_xact_lock(hashtextextended(@Key, 0))", new { Key = $"{kb.Id}:{upload.ContentHash}" }, session.Transaction, cancellationToken: ct));

            Guid documentId;
            long version;
            if (upload.DocumentId is { } existingId)
            {
                var document = await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
                    "SELECT * FROM documents WHERE id = @Id AND tenant_id = @TenantId AND knowledge_base_id = @KnowledgeBaseId FOR UPDATE",
                    new { Id = existingId, upload.TenantId, KnowledgeBaseId = kb.Id }, session.Transaction, cancellationToken: ct));
                if (document is null)
                {
                    return null;
                }

                if (await FindDuplicateAsync(session, "v.document_id = @DocumentId", new { DocumentId = existingId, upload.ContentHash }, ct) is { } same)
                {
                    return same;
                }

                documentId = existingId;
                version = document.LatestVersion + 1;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    UPDATE documents SET latest_version = @Version, title = coalesce(@Title, title), source = coalesce(@Source, source),
                        tags = coalesce(@Tags, tags), author = coalesce(@Author, author), effective_date = coalesce(@EffectiveDate, effective_date),
                        access = coalesce(@Access, access), updated_at = @Now
                    WHERE id = @Id
                    """,
                    new
                    {
                        Id = documentId, Version = version, upload.Title, upload.Source, Tags = upload.Tags?.ToArray(), upload.Author,
                        upload.EffectiveDate, Access = upload.Access?.ToArray(), Now = now,
                    }, session.Transaction, cancellationToken: ct));
            }
            else
            {
                if (await FindDuplicateAsync(session, "v.knowledge_base_id = @KnowledgeBaseId", new { KnowledgeBaseId = kb.Id, upload.ContentHash }, ct) is { } same)
                {
                    return same;
                }

                documentId = Guid.CreateVersion7(now);
                version = 1;
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO documents (id, tenant_id, knowledge_base_id, title, source, tags, author, effective_date, access,
                        latest_version, created_by, created_at, updated_at)
                    VALUES (@Id, @TenantId, @KnowledgeBaseId, @Title, @Source, @Tags, @Author, @EffectiveDate, @Access, 1, @UploadedBy, @Now, @Now)
                    """,
                    new
                    {
                        Id = documentId, upload.TenantId, KnowledgeBaseId = kb.Id, Title = upload.Title ?? upload.FileName, Source = upload.Source ?? "",
                        Tags = (upload.Tags ?? []).ToArray(), Author = upload.Author ?? "", upload.EffectiveDate, Access = (upload.Access ?? []).ToArray(),
                        upload.UploadedBy, Now = now,
                    }, session.Transaction, cancellationToken: ct));
            }

            var automatic = kb.ApprovalMode == "automatic";
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO document_versions (document_id, version, knowledge_base_id, content_hash, file_name, content_type, format,
                    size_bytes, approval_state, decided_by, decided_at, uploaded_by, uploaded_at)
                VALUES (@DocumentId, @Version, @KnowledgeBaseId, @ContentHash, @FileName, @ContentType, @Format, @SizeBytes,
                    @State, @DecidedBy, @DecidedAt, @UploadedBy, @Now)
                """,
                new
                {
                    DocumentId = documentId, Version = version, KnowledgeBaseId = kb.Id, upload.ContentHash, upload.FileName, upload.ContentType,
                    upload.Format, upload.SizeBytes, State = automatic ? "approved" : "pending", DecidedBy = automatic ? "automatic" : null,
                    DecidedAt = automatic ? now : (DateTimeOffset?)null, upload.UploadedBy, Now = now,
                }, session.Transaction, cancellationToken: ct));
            await WriteOriginalAsync(session, documentId, version, original, ct);

            var jobId = Guid.CreateVersion7(now);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO ingestion_jobs (id, tenant_id, knowledge_base_id, document_id, version, state, requested_by, created_at, updated_at)
                VALUES (@Id, @TenantId, @KnowledgeBaseId, @DocumentId, @Version, 'queued', @UploadedBy, @Now, @Now)
                """,
                new { Id = jobId, upload.TenantId, KnowledgeBaseId = kb.Id, DocumentId = documentId, Version = version, upload.UploadedBy, Now = now },
                session.Transaction, cancellationToken: ct));
            await outbox.EnqueueAsync(session, new DocumentUploaded(
                upload.TenantId, kb.Id.ToString(), documentId.ToString(), version, jobId.ToString(), upload.ContentHash, upload.UploadedBy)
            { OccurredAt = now }, documentId.ToString(), ct);
            if (automatic)
            {
                await outbox.EnqueueAsync(session, new DocumentApproved(upload.TenantId, kb.Id.ToString(), documentId.ToString(), version, "automatic")
                { OccurredAt = now }, documentId.ToString(), ct);
            }

            return new StoredVersion(documentId, version, jobId, Duplicate: false);
        }, cancellationToken);

    public async Task<DocumentRow?> GetAsync(string tenantId, Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            $"{SelectDocument} WHERE d.tenant_id = @TenantId AND d.id = @Id", new { TenantId = tenantId, Id = id }, cancellationToken: cancellationToken));
    }

    /// <summary>The document, locked until the session's transaction ends.</summary>
    public Task<DocumentRow?> LockAsync(DbSession session, string tenantId, Guid id, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<DocumentRow>(new CommandDefinition(
            "SELECT * FROM documents WHERE tenant_id = @TenantId AND id = @Id FOR UPDATE",
            new { TenantId = tenantId, Id = id }, session.Transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<VersionRow>> VersionsAsync(Guid documentId, CancellationToken cancellationToken) =>
        (await VersionsAsync([documentId], cancellationToken))[documentId].ToList();

    /// <summary>The versions of several documents (a page of a list) in one query, newest first per document.</summary>
    public async Task<ILookup<Guid, VersionRow>> VersionsAsync(IReadOnlyCollection<Guid> documentIds, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<VersionRow>(new CommandDefinition(
            """
            SELECT v.*, j.id AS job_id, j.state AS job_state
            FROM document_versions v LEFT JOIN ingestion_jobs j ON j.document_id = v.document_id AND j.version = v.version
            WHERE v.document_id = ANY(@DocumentIds) ORDER BY v.document_id, v.version DESC
            """, new { DocumentIds = documentIds.ToArray() }, cancellationToken: cancellationToken));
        return rows.ToLookup(v => v.DocumentId);
    }

    public Task<VersionRow?> LockVersionAsync(DbSession session, Guid documentId, long version, CancellationToken cancellationToken) =>
        session.Connection.QuerySingleOrDefaultAsync<VersionRow>(new CommandDefinition(
            "SELECT * FROM document_versions WHERE document_id = @DocumentId AND version = @Version FOR UPDATE",
            new { DocumentId = documentId, Version = version }, session.Transaction, cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<DocumentRow>> ListAsync(
        string tenantId, Guid knowledgeBaseId, (DateTime CreatedAt, Guid Id)? after, int limit, bool staleOnly, bool pendingOnly, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<DocumentRow>(new CommandDefinition(
            $"""
            {SelectDocument}
            WHERE d.tenant_id = @TenantId AND d.knowledge_base_id = @KnowledgeBaseId
              AND (@AfterCreated::timestamptz IS NULL OR (d.created_at, d.id) > (@AfterCreated, @AfterId))
              AND (NOT @StaleOnly OR (k.review_before IS NOT NULL AND coalesce(d.effective_date, d.created_at) < k.review_before))
              AND (NOT @PendingOnly OR EXISTS (SELECT 1 FROM document_versions v WHERE v.document_id = d.id AND v.approval_state = 'pending'))
            ORDER BY d.created_at, d.id LIMIT @Limit
            """,
            new
            {
                TenantId = tenantId, KnowledgeBaseId = knowledgeBaseId, AfterCreated = after?.CreatedAt, AfterId = after?.Id ?? Guid.Empty,
                StaleOnly = staleOnly, PendingOnly = pendingOnly, Limit = limit,
            }, cancellationToken: cancellationToken))];
    }

    /// <summary>Copies a version's original into <paramref name="destination"/>, streamed.</summary>
    public async Task<bool> CopyOriginalAsync(Guid documentId, long version, Stream destination, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT content FROM document_originals WHERE document_id = @d AND version = @v", connection);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("v", version);
        await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        await using var content = await reader.GetStreamAsync(0, cancellationToken);
        await content.CopyToAsync(destination, cancellationToken);
        return true;
    }

    private static async Task<StoredVersion?> FindDuplicateAsync(DbSession session, string where, object parameters, CancellationToken cancellationToken)
    {
        var row = await session.Connection.QuerySingleOrDefaultAsync<DuplicateRow>(new CommandDefinition(
            $"""
            SELECT v.document_id, v.version, j.id AS job_id
            FROM document_versions v JOIN ingestion_jobs j ON j.document_id = v.document_id AND j.version = v.version
            WHERE {where} AND v.content_hash = @ContentHash
            ORDER BY v.version DESC LIMIT 1
            """, parameters, session.Transaction, cancellationToken: cancellationToken));
        return row is null ? null : new StoredVersion(row.DocumentId, row.Version, row.JobId, Duplicate: true);
    }

    private static async Task WriteOriginalAsync(DbSession session, Guid documentId, long version, Stream original, CancellationToken cancellationToken)
    {
        // Npgsql streams a Stream parameter to the server, so the file is never held in memory here.
        await using var command = new NpgsqlCommand(
            "INSERT INTO document_originals (document_id, version, content) VALUES (@d, @v, @c)", session.Connection, session.Transaction);
        command.Parameters.AddWithValue("d", documentId);
        command.Parameters.AddWithValue("v", version);
        command.Parameters.Add(new NpgsqlParameter("c", NpgsqlDbType.Bytea) { Value = original, Size = checked((int)(original.Length - original.Position)) });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed class DuplicateRow
    {
        public Guid DocumentId { get; init; }

        public long Version { get; init; }

        public Guid JobId { get; init; }
    }
}
