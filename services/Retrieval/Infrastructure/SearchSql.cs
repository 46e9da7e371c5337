using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// The one statement a search runs: trimming CTEs, BM25 over the postings, one dense list per embedder in scope,
/// reciprocal rank fusion and the hits' citation details. One statement, so the whole search sees one snapshot.
/// </summary>
internal static class SearchSql
{
    private static readonly ConcurrentDictionary<string, string> Cache = new(StringComparer.Ordinal);

    /// <param name="lexical">Whether the lexical list takes part.</param>
    /// <param name="denseDimensions">The dimension of each dense list (parameters <c>@emb_i</c>, <c>@q_i</c>).</param>
    public static string Build(bool lexical, IReadOnlyList<int> denseDimensions)
    {
        var key = (lexical ? "L" : "-") + string.Join(',', denseDimensions);
        return Cache.GetOrAdd(key, _ => Compose(lexical, denseDimensions));
    }

    private static string Compose(bool lexical, IReadOnlyList<int> dims)
    {
        var sql = new StringBuilder("WITH ").Append(PermittedSql.Ctes);
        var lists = new List<string>();
        if (lexical)
        {
            sql.Append(",\n").Append(Lexical);
            lists.Add("SELECT chunk_key, @w_lex / (@rrf_k + rank) AS w, rank AS lr, 0::bigint AS dr FROM lexical");
        }

        for (var i = 0; i < dims.Count; i++)
        {
            sql.Append(",\n").Append(Dense(i, dims[i]));
            lists.Add($"SELECT chunk_key, @w_dense_{i} / (@rrf_k + rank) AS w, 0::bigint AS lr, rank AS dr FROM dense_{i}");
        }

        sql.Append(",\n").Append(CultureInfo.InvariantCulture, $"""
            fused AS (
                SELECT chunk_key, sum(w) AS score, max(lr) AS lexical_rank, max(dr) AS dense_rank
                FROM ({string.Join("\n UNION ALL ", lists)}) u
                GROUP BY chunk_key
                ORDER BY score DESC, max(lr) = 0, max(lr), chunk_key
                LIMIT @pool)
            SELECT f.score, f.lexical_rank, f.dense_rank, c.chunk_id, c.text, c.heading_path, c.page, c.section,
                   v.version, d.document_id, d.title, d.source, k.kb_id
            FROM fused f
            JOIN chunks c ON c.chunk_key = f.chunk_key
            JOIN document_versions v ON v.version_key = c.version_key
            JOIN documents d ON d.doc_key = v.doc_key
            JOIN knowledge_bases k ON k.kb_key = d.kb_key
            ORDER BY f.score DESC, f.lexical_rank = 0, f.lexical_rank, f.chunk_key
            """);
        return sql.ToString();
    }

    // BM25 with Lucene's idf, over words and pairs of adjacent words (weighted by the query). Collection statistics (N, average length, df) are the knowledge bases' in scope; tf and
    // length are the chunk's. Each term contributes its best `per_term` permitted postings in impact order, so a
    // common term costs a bounded scan; the "IS TRUE" keeps the permitted test a hashed filter on that index scan
    // rather than a join that would lose the index order.
    private const string Lexical = """
        stats AS (
            SELECT coalesce(sum(s.live_chunks), 0)::float8 AS n,
                   coalesce(sum(s.live_length), 0)::float8 / greatest(coalesce(sum(s.live_chunks), 0), 1) AS avgdl
            FROM kb_stats s WHERE s.kb_key IN (SELECT kb_key FROM scope_kbs)),
        q AS (SELECT * FROM unnest(@terms::text[], @weights::float8[]) AS q(term, qtf)),
        df AS (
            SELECT t.term, sum(t.df)::float8 AS df FROM kb_term_stats t
            WHERE t.kb_key IN (SELECT kb_key FROM scope_kbs) AND t.term = ANY(@terms)
            GROUP BY t.term),
        hits AS (
            SELECT q.term, q.qtf, h.chunk_key, h.tf, h.dl
            FROM q CROSS JOIN LATERAL (
                SELECT p.chunk_key, p.tf, p.dl FROM postings p
                WHERE p.term = q.term AND (p.version_key IN (SELECT version_key FROM permitted)) IS TRUE
                ORDER BY p.impact DESC
                LIMIT @per_term) h),
        lexical AS MATERIALIZED (
            SELECT chunk_key, row_number() OVER (ORDER BY score DESC, chunk_key) AS rank
            FROM (
                SELECT h.chunk_key,
                       sum(h.qtf * ln(1 + (greatest(s.n, df.df) - df.df + 0.5) / (df.df + 0.5))
                           * h.tf * (@k1 + 1) / (h.tf + @k1 * (1 - @b + @b * h.dl / greatest(s.avgdl, 1)))) AS score
                FROM hits h JOIN df USING (term) CROSS JOIN stats s
                GROUP BY h.chunk_key
                ORDER BY score DESC, h.chunk_key
                LIMIT @list_limit) x)
        """;

    // Approximate (HNSW, iterative scan so a filter cannot starve it) when the caller may read more chunks of this
    // embedder than the threshold; otherwise exact over exactly those chunks. The one-time filters on the count make
    // PostgreSQL run only one branch. "+ 0" keeps the exact branch off the HNSW index.
    private static string Dense(int i, int dimension)
    {
        var vector = $"c.{VectorIndexes.Expression(dimension)}";
        var query = $"@q_{i}::vector({dimension})";
        return $"""
            dense_count_{i} AS (SELECT coalesce(sum(chunk_count), 0) AS n FROM permitted WHERE embedder_id = @emb_{i}),
            dense_{i} AS MATERIALIZED (
                SELECT chunk_key, row_number() OVER (ORDER BY distance, chunk_key) AS rank
                FROM (
                    (SELECT c.chunk_key, {vector} <=> {query} AS distance
                     FROM chunks c
                     WHERE (SELECT n FROM dense_count_{i}) > @threshold AND c.dims = {dimension}
                       AND (c.version_key IN (SELECT version_key FROM permitted WHERE embedder_id = @emb_{i})) IS TRUE
                     ORDER BY {vector} <=> {query}
                     LIMIT @list_limit)
                    UNION ALL
                    (SELECT c.chunk_key, ({vector} <=> {query}) + 0 AS distance
                     FROM permitted p JOIN chunks c ON c.version_key = p.version_key
                     WHERE (SELECT n FROM dense_count_{i}) <= @threshold AND p.embedder_id = @emb_{i} AND c.dims = {dimension}
                     ORDER BY 2
                     LIMIT @list_limit)) x)
            """;
    }
}
