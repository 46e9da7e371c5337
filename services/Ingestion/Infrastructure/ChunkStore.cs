using Dapper;
using Npgsql;
using NpgsqlTypes;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>A version's chunks between chunking and indexing, with the scan's verdicts; quarantined ones stay for review.</summary>
public sealed class ChunkStore(ServiceDatabase database)
{
    /// <summary>Replaces the version's staged chunks with <paramref name="chunks"/>, streamed with COPY.</summary>
    public async Task<int> StageAsync(DbSession session, Guid documentId, long version, IEnumerable<Chunk> chunks, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM document_chunks WHERE document_id = @DocumentId AND version = @Version",
            new { DocumentId = documentId, Version = version }, session.Transaction, cancellationToken: cancellationToken));
        var count = 0;
        await using (var writer = await session.Connection.BeginBinaryImportAsync(
            """
            COPY document_chunks (document_id, version, ordinal, text, token_count, heading_path, page_start, page_end, section,
                start_offset, end_offset) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            foreach (var chunk in chunks)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(documentId, NpgsqlDbType.Uuid, cancellationToken);
                await writer.WriteAsync(version, NpgsqlDbType.Bigint, cancellationToken);
                await writer.WriteAsync(chunk.Ordinal, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(chunk.Text, NpgsqlDbType.Text, cancellationToken);
                await writer.WriteAsync(chunk.TokenCount, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(chunk.HeadingPath.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text, cancellationToken);
                await WriteNullableAsync(writer, chunk.PageStart, cancellationToken);
                await WriteNullableAsync(writer, chunk.PageEnd, cancellationToken);
                if (chunk.Section is null)
                {
                    await writer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await writer.WriteAsync(chunk.Section, NpgsqlDbType.Text, cancellationToken);
                }

                await writer.WriteAsync(chunk.StartOffset, NpgsqlDbType.Integer, cancellationToken);
                await writer.WriteAsync(chunk.EndOffset, NpgsqlDbType.Integer, cancellationToken);
                count++;
            }

            await writer.CompleteAsync(cancellationToken);
        }

        return count;
    }

    public async Task<IReadOnlyList<ChunkRow>> PendingAsync(Guid documentId, long version, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ChunkRow>(new CommandDefinition(
            "SELECT * FROM document_chunks WHERE document_id = @DocumentId AND version = @Version AND disposition = 'pending' ORDER BY ordinal LIMIT @Limit",
            new { DocumentId = documentId, Version = version, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public async Task DecideAsync(Guid documentId, long version, IReadOnlyList<(int Ordinal, ChunkDecision Decision, IReadOnlyList<string> RuleIds)> decisions, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE document_chunks c SET disposition = d.disposition, indexed_text = d.indexed_text,
                rule_ids = coalesce(string_to_array(nullif(d.rule_ids, ''), ','), '{}')
            FROM unnest(@Ordinals, @Dispositions, @Texts, @Rules) AS d(ordinal, disposition, indexed_text, rule_ids)
            WHERE c.document_id = @DocumentId AND c.version = @Version AND c.ordinal = d.ordinal
            """,
            new
            {
                DocumentId = documentId,
                Version = version,
                Ordinals = decisions.Select(d => d.Ordinal).ToArray(),
                Dispositions = decisions.Select(d => d.Decision.Disposition).ToArray(),
                Texts = decisions.Select(d => d.Decision.IndexedText).ToArray(),
                Rules = decisions.Select(d => string.Join(',', d.RuleIds)).ToArray(),
            }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ChunkRow>> IndexableAsync(Guid documentId, long version, int afterOrdinal, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return [.. await connection.QueryAsync<ChunkRow>(new CommandDefinition(
            """
            SELECT * FROM document_chunks
            WHERE document_id = @DocumentId AND version = @Version AND disposition = 'index' AND ordinal > @After
            ORDER BY ordinal LIMIT @Limit
            """, new { DocumentId = documentId, Version = version, After = afterOrdinal, Limit = limit }, cancellationToken: cancellationToken))];
    }

    public async Task<(int Indexable, int Quarantined, int Flagged, int Pending)> CountsAsync(Guid documentId, long version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var counts = await connection.QuerySingleAsync<CountsRow>(new CommandDefinition(
            """
            SELECT count(*) FILTER (WHERE disposition = 'index')::int AS indexable,
                   count(*) FILTER (WHERE disposition = 'quarantine')::int AS quarantined,
                   count(*) FILTER (WHERE cardinality(rule_ids) > 0)::int AS flagged,
                   count(*) FILTER (WHERE disposition = 'pending')::int AS pending
            FROM document_chunks WHERE document_id = @DocumentId AND version = @Version
            """, new { DocumentId = documentId, Version = version }, cancellationToken: cancellationToken));
        return (counts.Indexable, counts.Quarantined, counts.Flagged, counts.Pending);
    }

    /// <summary>Drops the chunks the index now holds; quarantined ones stay for review.</summary>
    public Task RemoveIndexedAsync(DbSession session, Guid documentId, long version, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM document_chunks WHERE document_id = @DocumentId AND version = @Version AND disposition <> 'quarantine'",
            new { DocumentId = documentId, Version = version }, session.Transaction, cancellationToken: cancellationToken));

    private static Task WriteNullableAsync(NpgsqlBinaryImporter writer, int? value, CancellationToken cancellationToken) =>
        value is { } v ? writer.WriteAsync(v, NpgsqlDbType.Integer, cancellationToken) : writer.WriteNullAsync(cancellationToken);

    private sealed class CountsRow
    {
        public int Indexable { get; init; }

        public int Quarantined { get; init; }

        public int Flagged { get; init; }

        public int Pending { get; init; }
    }
}
