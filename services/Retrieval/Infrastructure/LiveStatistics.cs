using Dapper;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// Keeps kb_stats and kb_term_stats equal to the sums over searchable versions: a version's contribution is added
/// when it becomes searchable and removed when it stops being searchable, in that same transaction.
/// </summary>
internal static class LiveStatistics
{
    public static async Task AdjustAsync(DbSession session, long versionKey, int sign, CancellationToken ct)
    {
        var kbKey = await session.Connection.ExecuteScalarAsync<int>(new CommandDefinition(
            """
            WITH v AS (
                SELECT d.kb_key, dv.chunk_count, dv.total_length
                FROM document_versions dv JOIN documents d USING (doc_key) WHERE dv.version_key = @versionKey)
            INSERT INTO kb_stats AS s (kb_key, live_chunks, live_length)
            SELECT kb_key, @sign * chunk_count, @sign * total_length FROM v
            ON CONFLICT (kb_key) DO UPDATE
                SET live_chunks = s.live_chunks + excluded.live_chunks, live_length = s.live_length + excluded.live_length
            RETURNING kb_key
            """,
            new { versionKey, sign }, session.Transaction, cancellationToken: ct));

        // Term rows in term order, after the kb_stats row: every writer locks in the same order.
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO kb_term_stats AS s (kb_key, term, df)
            SELECT @kbKey, term, @sign * count(*) FROM postings WHERE version_key = @versionKey GROUP BY term ORDER BY term
            ON CONFLICT (kb_key, term) DO UPDATE SET df = s.df + excluded.df
            """,
            new { kbKey, versionKey, sign }, session.Transaction, cancellationToken: ct));
    }
}
