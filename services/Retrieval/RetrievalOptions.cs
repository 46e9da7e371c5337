using System.ComponentModel.DataAnnotations;

namespace SecureRag.Retrieval;

/// <summary>Search settings (section <c>Retrieval</c>), validated at start.</summary>
public sealed class RetrievalOptions
{
    public const string SectionName = "Retrieval";

    /// <summary>BM25 term-frequency saturation.</summary>
    [Range(0.0, 10.0)]
    public double Bm25K1 { get; set; } = 1.2;

    /// <summary>BM25 length normalisation (0: none, 1: full).</summary>
    [Range(0.0, 1.0)]
    public double Bm25B { get; set; } = 0.75;

    /// <summary>Reciprocal rank fusion's k: larger flattens the difference between ranks.</summary>
    [Range(1, 1000)]
    public int RrfK { get; set; } = 60;

    [Range(0.0, 100.0)]
    public double LexicalWeight { get; set; } = 1.0;

    /// <summary>Weight of pairs of adjacent query words relative to single words (0: words only).</summary>
    [Range(0.0, 10.0)]
    public double PairWeight { get; set; } = 0.25;

    /// <summary>Weight of a dense list in fusion, unless <see cref="DenseWeightOverrides"/> names its embedder.</summary>
    [Range(0.0, 100.0)]
    public double DenseWeight { get; set; } = 1.0;

    /// <summary>
    /// Dense weights by embedder-id prefix (longest prefix wins; 0 leaves that embedder out of search). The embedded
    /// hashed embedder has no semantics beyond words and character n-grams, which BM25 already weighs better: on the
    /// shared collections every weight above 0 lowered nDCG@10 (docs/benchmarks.md, Retrieval), so it gets a small one.
    /// </summary>
    public Dictionary<string, double> DenseWeightOverrides { get; set; } = new(StringComparer.Ordinal) { ["hashed-"] = 0.05 };

    public double DenseWeightOf(string embedderId) =>
        DenseWeightOverrides.Where(o => embedderId.StartsWith(o.Key, StringComparison.Ordinal))
            .OrderByDescending(o => o.Key.Length)
            .Select(o => o.Value)
            .DefaultIfEmpty(DenseWeight)
            .First();

    /// <summary>Results when the request asks for 0.</summary>
    [Range(1, 1000)]
    public int DefaultTopK { get; set; } = 10;

    [Range(1, 1000)]
    public int MaxTopK { get; set; } = 200;

    /// <summary>
    /// Postings read per query term, best impact first: bounds the cost of a common term. A term with more permitted
    /// postings than this contributes only to its best chunks (its idf is low, so the ranking barely moves). 1000 keeps
    /// the shared collections' nDCG@10 above their floors (500 cost cacm 0.01); see docs/benchmarks.md, Retrieval.
    /// </summary>
    [Range(10, 1_000_000)]
    public int LexicalPostingsPerTerm { get; set; } = 1000;

    /// <summary>Candidates each list contributes to fusion, at least top_k.</summary>
    [Range(1, 2000)]
    public int FusionCandidates { get; set; } = 50;

    /// <summary>Fused candidates handed to the reranker (0: top_k).</summary>
    [Range(0, 1000)]
    public int RerankCandidates { get; set; }

    /// <summary>Longer queries are refused with INVALID_ARGUMENT (characters).</summary>
    [Range(1, 100_000)]
    public int MaxQueryLength { get; set; } = 1000;

    /// <summary>Distinct analysed terms of a query that are searched (the first ones; the rest are ignored).</summary>
    [Range(1, 1000)]
    public int MaxQueryTerms { get; set; } = 64;

    /// <summary>pgvector's <c>hnsw.ef_search</c>: the candidate list of the graph scan.</summary>
    [Range(1, 1000)]
    public int HnswEfSearch { get; set; } = 100;

    /// <summary>pgvector's <c>hnsw.max_scan_tuples</c>: how far an iterative scan goes before it gives up.</summary>
    [Range(1, 10_000_000)]
    public int HnswMaxScanTuples { get; set; } = 20_000;

    /// <summary>
    /// When the caller may read at most this many chunks, dense ranking is exact (a scan of those chunks) instead of
    /// the HNSW graph, which a tight filter could starve.
    /// </summary>
    [Range(0, 10_000_000)]
    public int ExactSearchThreshold { get; set; } = 2000;

    /// <summary>Characters of a hit's snippet.</summary>
    [Range(20, 10_000)]
    public int SnippetLength { get; set; } = 240;

    /// <summary>Chunks per IndexDocument stream (larger documents are refused).</summary>
    [Range(1, 1_000_000)]
    public int MaxChunksPerDocument { get; set; } = 100_000;

    /// <summary>Characters of one chunk's text.</summary>
    [Range(1, 10_000_000)]
    public int MaxChunkLength { get; set; } = 100_000;
}
