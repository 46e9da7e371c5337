using Grpc.Core;
using Microsoft.Extensions.Options;
using Npgsql;
using Pgvector;
using SecureRag.Retrieval.Domain.Ranking;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>
/// Runs a search: embeds the query once per embedder in scope, runs the single ranking statement (trimming, BM25,
/// dense, fusion), reranks and builds snippets.
/// </summary>
public sealed class HybridSearch(
    NpgsqlDataSource dataSource,
    IQueryEmbedder embedder,
    IReranker reranker,
    IOptions<RetrievalOptions> options,
    ILogger<HybridSearch> logger)
{
    public async Task<IReadOnlyList<SearchHitRecord>> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var lexical = query.Mode != RankingMode.Dense && query.Terms.Count > 0;
        var dense = query.Mode == RankingMode.Lexical
            ? []
            : await EmbedAsync(query, cancellationToken);
        if (!lexical && dense.Count == 0)
        {
            return [];
        }

        var pool = Math.Max(query.TopK, settings.RerankCandidates);
        await using var command = CreateCommand(query, dense);
        var hits = new List<SearchHitRecord>(pool);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new SearchHitRecord(
                    ChunkId: reader.GetGuid(3),
                    DocumentId: reader.GetString(9),
                    KnowledgeBaseId: reader.GetString(12),
                    Title: reader.GetString(10),
                    HeadingPath: reader.GetFieldValue<string[]>(5),
                    Page: reader.GetInt32(6),
                    Section: reader.GetString(7),
                    Text: reader.GetString(4),
                    Score: reader.GetDouble(0),
                    LexicalRank: (int)reader.GetInt64(1),
                    DenseRank: (int)reader.GetInt64(2),
                    Version: reader.GetInt64(8),
                    Source: reader.GetString(11)));
            }
        }

        var ranked = await reranker.RerankAsync(query.Text, hits, cancellationToken);
        return [.. ranked.Take(query.TopK)];
    }

    /// <summary>The ranking statement with its parameters; <paramref name="prefix"/> is for EXPLAIN in tests.</summary>
    internal NpgsqlCommand CreateCommand(SearchQuery query, IReadOnlyList<(EmbedderRef Embedder, float[] Vector)> dense, string prefix = "")
    {
        var settings = options.Value;
        var lexical = query.Mode != RankingMode.Dense && query.Terms.Count > 0;
        var pool = Math.Max(query.TopK, settings.RerankCandidates);
        var command = dataSource.CreateCommand(prefix + SearchSql.Build(lexical, [.. dense.Select(d => d.Embedder.Dimension)]));
        ScopeParameters.AddTo(command, query.Scope, query.Filter);
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string[]>("terms", [.. query.Terms.Select(t => t.Term)]));
        p.Add(new NpgsqlParameter<double[]>("weights", [.. query.Terms.Select(t => t.Weight)]));
        p.Add(new NpgsqlParameter<double>("k1", settings.Bm25K1));
        p.Add(new NpgsqlParameter<double>("b", settings.Bm25B));
        p.Add(new NpgsqlParameter<int>("per_term", settings.LexicalPostingsPerTerm));
        p.Add(new NpgsqlParameter<int>("list_limit", Math.Max(settings.FusionCandidates, pool)));
        p.Add(new NpgsqlParameter<long>("threshold", settings.ExactSearchThreshold));
        p.Add(new NpgsqlParameter<double>("rrf_k", settings.RrfK));
        p.Add(new NpgsqlParameter<double>("w_lex", settings.LexicalWeight));
        p.Add(new NpgsqlParameter<int>("pool", pool));
        for (var i = 0; i < dense.Count; i++)
        {
            p.Add(new NpgsqlParameter<string>($"emb_{i}", dense[i].Embedder.EmbedderId));
            p.Add(new NpgsqlParameter<double>($"w_dense_{i}", settings.DenseWeightOf(dense[i].Embedder.EmbedderId)));
            p.Add(new NpgsqlParameter { ParameterName = $"q_{i}", Value = new Vector(dense[i].Vector) });
        }

        return command;
    }

    private async Task<IReadOnlyList<(EmbedderRef Embedder, float[] Vector)>> EmbedAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        var embedders = (await EmbeddersInScopeAsync(query, cancellationToken))
            .Where(e => options.Value.DenseWeightOf(e.EmbedderId) > 0).ToList();
        try
        {
            var vectors = await Task.WhenAll(embedders.Select(e =>
                embedder.EmbedAsync(query.Text, e, query.Scope.TenantId, query.OnBehalfOf, cancellationToken)));
            return [.. embedders.Zip(vectors).Where(v => v.Second.Length == v.First.Dimension)];
        }
        catch (RpcException ex) when (query.Mode == RankingMode.Hybrid && ex.StatusCode != StatusCode.Cancelled)
        {
            // Inference is down: lexical ranking alone still answers (a dense-only search fails instead).
            logger.LogWarning("Query embedding failed ({Status}); searching lexically only", ex.StatusCode);
            return [];
        }
    }

    private async Task<IReadOnlyList<EmbedderRef>> EmbeddersInScopeAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand($"""
            SELECT DISTINCT k.embedder_id, k.embedding_model, k.dimension
            FROM knowledge_bases k
            WHERE {PermittedSql.KnowledgeBasePredicate} AND k.dimension IS NOT NULL AND k.embedder_id <> ''
            ORDER BY 1
            """);
        ScopeParameters.AddTo(command, query.Scope, query.Filter);
        var embedders = new List<EmbedderRef>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            embedders.Add(new EmbedderRef(reader.GetString(0), reader.GetString(1), reader.GetInt32(2)));
        }

        return embedders;
    }
}
