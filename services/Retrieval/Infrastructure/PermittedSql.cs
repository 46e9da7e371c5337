namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// The security trimming, as SQL every ranking statement starts with: the knowledge bases of the app's scope the
/// caller may read (<c>scope_kbs</c>), and in them the searchable versions the caller may read (<c>permitted</c>; a
/// document's live version is approved by construction, since only approval sets it). Ranking reaches chunks only through these, so trimming happens inside the ranking, before LIMIT, and top-k stays
/// full however many chunks are forbidden. Parameters: <see cref="ScopeParameters"/>.
/// </summary>
internal static class PermittedSql
{
    /// <summary>Knowledge bases: tenant, access list, the audience table (restricted only when bound), filter.</summary>
    public const string KnowledgeBasePredicate = """
        k.tenant_id = @tenant
          AND k.access && @keys
          AND ((k.classification = ANY(@classes)
                AND (@all_kbs OR k.kb_id = ANY(@bound_ids) OR k.name = ANY(@bound_names)))
            OR (@restricted AND k.classification = 4
                AND (k.kb_id = ANY(@bound_ids) OR k.name = ANY(@bound_names))))
          AND (cardinality(@f_kbs) = 0 OR k.kb_id = ANY(@f_kbs))
        """;

    public const string Ctes = $"""
        scope_kbs AS MATERIALIZED (
            SELECT k.kb_key, k.embedder_id, k.exclude_stale, k.review_before
            FROM knowledge_bases k
            WHERE {KnowledgeBasePredicate}),
        permitted AS MATERIALIZED (
            SELECT d.live_version_key AS version_key, d.live_chunk_count AS chunk_count, k.embedder_id
            FROM scope_kbs k
            JOIN documents d ON d.kb_key = k.kb_key
            WHERE d.tenant_id = @tenant
              AND d.live_version_key IS NOT NULL
              AND d.access && @keys
              AND NOT (k.exclude_stale AND k.review_before IS NOT NULL
                       AND coalesce(d.effective_date, d.live_indexed_at) < k.review_before)
              AND (cardinality(@f_docs) = 0 OR d.document_id = ANY(@f_docs))
              AND (cardinality(@f_sources) = 0 OR d.source = ANY(@f_sources))
              AND d.tags @> @f_tags
              AND (@f_from::timestamptz IS NULL OR d.effective_date >= @f_from)
              AND (@f_to::timestamptz IS NULL OR d.effective_date <= @f_to))
        """;
}
