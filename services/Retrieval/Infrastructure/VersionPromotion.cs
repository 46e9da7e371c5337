using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>Makes a version the searchable one, and removes versions nobody will search again.</summary>
public sealed class VersionPromotion
{
    /// <summary>
    /// The version becomes searchable with the access list and metadata it brought; older versions (the previously
    /// searchable one included) go, in the same transaction, so a search sees either the old or the new, never both.
    /// </summary>
    public async Task PromoteAsync(DbSession session, long docKey, long versionKey, CancellationToken ct)
    {
        var live = await session.Connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT live_version_key FROM documents WHERE doc_key = @docKey",
            new { docKey }, session.Transaction, cancellationToken: ct));
        if (live == versionKey)
        {
            return;
        }

        if (live is { } previous)
        {
            await LiveStatistics.AdjustAsync(session, previous, -1, ct);
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE document_versions SET approval = 2 WHERE version_key = @versionKey;
            UPDATE documents d
            SET live_version_key = v.version_key, live_chunk_count = v.chunk_count, live_indexed_at = v.indexed_at, access = v.access,
                title = m.title, source = m.source, tags = m.tags, author = m.author, effective_date = m.effective_date,
                updated_at = now()
            FROM document_versions v,
                 jsonb_to_record(v.metadata) AS m(title text, source text, tags text[], author text, effective_date timestamptz)
            WHERE v.version_key = @versionKey AND d.doc_key = @docKey;
            """,
            new { docKey, versionKey }, session.Transaction, cancellationToken: ct));
        await LiveStatistics.AdjustAsync(session, versionKey, +1, ct);
        await DeleteAsync(session, docKey,
            "version < (SELECT version FROM document_versions WHERE version_key = @versionKey)", versionKey, ct);
    }

    /// <summary>An older pending version that a newer one supersedes is never searchable; the live one stays.</summary>
    public Task DropSupersededPendingAsync(DbSession session, long docKey, long versionKey, CancellationToken ct) =>
        DeleteAsync(session, docKey,
            """
            version < (SELECT version FROM document_versions WHERE version_key = @versionKey) AND approval = 1
            AND version_key IS DISTINCT FROM (SELECT live_version_key FROM documents WHERE doc_key = @docKey)
            """, versionKey, ct);

    /// <summary>Deletes versions of a document matching <paramref name="predicate"/> with their postings and chunks.</summary>
    public static async Task<int> DeleteAsync(DbSession session, long docKey, string predicate, long versionKey, CancellationToken ct)
    {
        var keys = (await session.Connection.QueryAsync<long>(new CommandDefinition(
            $"SELECT version_key FROM document_versions WHERE doc_key = @docKey AND {predicate}",
            new { docKey, versionKey }, session.Transaction, cancellationToken: ct))).ToArray();
        return keys.Length == 0 ? 0 : await DeleteVersionsAsync(session, keys, ct);
    }

    /// <summary>Removes versions by key: postings first (they have no foreign key), then the rows that cascade to chunks.</summary>
    public static async Task<int> DeleteVersionsAsync(DbSession session, long[] versionKeys, CancellationToken ct)
    {
        var live = await session.Connection.QueryAsync<long>(new CommandDefinition(
            "SELECT live_version_key FROM documents WHERE live_version_key = ANY(@versionKeys) ORDER BY live_version_key",
            new { versionKeys }, session.Transaction, cancellationToken: ct));
        foreach (var versionKey in live)
        {
            await LiveStatistics.AdjustAsync(session, versionKey, -1, ct);
        }

        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM postings WHERE version_key = ANY(@versionKeys)",
            new { versionKeys }, session.Transaction, cancellationToken: ct));
        var chunks = await session.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*)::int FROM chunks WHERE version_key = ANY(@versionKeys)",
            new { versionKeys }, session.Transaction, cancellationToken: ct));

        // Chunks cascade; a document whose searchable version goes is left with none (ON DELETE SET NULL).
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM document_versions WHERE version_key = ANY(@versionKeys)",
            new { versionKeys }, session.Transaction, cancellationToken: ct));
        return chunks;
    }
}
