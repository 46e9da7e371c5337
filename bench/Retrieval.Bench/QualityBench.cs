using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using SecureRag.Bench;
using SecureRag.Contracts.Retrieval;
using SecureRag.ServiceDefaults.Security;
using RetrievalClient = SecureRag.Contracts.Retrieval.Retrieval.RetrievalClient;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// Indexes a collection into a fresh knowledge base through the index's write RPCs, runs every query through Search
/// (gRPC, principal assertion) in each mode, scores each document by its best chunk and prints nDCG@10 and Recall@100.
/// </summary>
public static class QualityBench
{
    private const string Tenant = "bench";
    private const int TopK = 200;

    public static async Task<int> RunAsync(string folder, CancellationToken ct)
    {
        var collection = Collection.Load(folder);
        await using var postgres = await PrivatePostgres.StartAsync(cancellationToken: ct);
        var keys = new BenchKeys("retrieval");
        var embedder = new HashedQueryEmbedder(384);
        await using var app = await RetrievalHost.StartAsync(postgres.ConnectionString(), keys, embedder);
        using var channel = GrpcChannel.ForAddress(app.Urls.First());

        var indexer = new BenchIndexer(
            new RetrievalIndex.RetrievalIndexClient(channel),
            AssertionMetadata.For(keys.Service(Tenant, "ingestion", "bench-uploader")),
            embedder.Embedder);
        var clock = Stopwatch.StartNew();
        await indexer.PutKnowledgeBaseAsync("collection", Classification.Internal, ["tenant:*"], ct);
        await Parallel.ForEachAsync(collection.Documents, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (d, token) => await indexer.IndexAsync("collection", d.Id, d.Title, SimpleChunker.Chunk(d.Text), ["tenant:*"], ct: token));
        Console.Error.WriteLine($"indexed {collection.Documents.Count} documents in {clock.Elapsed.TotalSeconds:F1} s");

        var search = new RetrievalClient(channel);
        var user = AssertionMetadata.For(keys.User(Tenant, "bench-user", [], "bench-app"));
        // The default configuration (fused) last, unlabelled, as the issue asks.
        foreach (var (label, mode) in new[] { ("lexical-only ", SearchMode.Lexical), ("dense-only ", SearchMode.Dense), ("", SearchMode.Hybrid) })
        {
            var (ndcg, recall, count) = await EvaluateAsync(collection, search, user, mode, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label}nDCG@10={ndcg:F4} Recall@100={recall:F4} queries={count}"));
        }

        await SweepAsync(app, collection, search, user, ct);
        return 0;
    }

    /// <summary>
    /// Tuning aid, off by default: BENCH_FUSION_SWEEP="k:w,k:w" re-runs fused search with other RRF k and hashed-embedder
    /// dense weights (changed in the running service's options) and prints each; the default line above stays the result.
    /// </summary>
    private static async Task SweepAsync(WebApplication app, Collection collection, RetrievalClient search, Metadata user, CancellationToken ct)
    {
        var sweep = Environment.GetEnvironmentVariable("BENCH_FUSION_SWEEP");
        if (string.IsNullOrEmpty(sweep))
        {
            return;
        }

        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<RetrievalOptions>>().Value;
        var (k, w) = (options.RrfK, options.DenseWeightOverrides["hashed-"]);
        foreach (var pair in sweep.Split(','))
        {
            var parts = pair.Split(':');
            options.RrfK = int.Parse(parts[0], CultureInfo.InvariantCulture);
            options.DenseWeightOverrides["hashed-"] = double.Parse(parts[1], CultureInfo.InvariantCulture);
            var (ndcg, recall, count) = await EvaluateAsync(collection, search, user, SearchMode.Hybrid, ct);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"sweep k={options.RrfK} hashed_dense_weight={parts[1]}: nDCG@10={ndcg:F4} Recall@100={recall:F4} queries={count}"));
        }

        (options.RrfK, options.DenseWeightOverrides["hashed-"]) = (k, w);
    }

    private static async Task<(double Ndcg, double Recall, int Count)> EvaluateAsync(
        Collection collection, RetrievalClient search, Metadata user, SearchMode mode, CancellationToken ct)
    {
        double ndcg = 0, recall = 0;
        var count = 0;
        foreach (var (id, text) in collection.Queries)
        {
            if (!collection.Judgements.TryGetValue(id, out var judged))
            {
                continue;
            }

            var response = await search.SearchAsync(new SearchRequest
            {
                Query = text,
                TopK = TopK,
                Mode = mode,
                App = new AppScope { AppId = "bench-app", Audience = Audience.Internal, AllKnowledgeBases = true },
            }, user, cancellationToken: ct);

            // A document ranks where its best chunk ranks; the question's own source paper is dropped (exclude.tsv).
            var excluded = collection.Excluded.GetValueOrDefault(id) ?? [];
            var ranking = response.Hits.Select(h => h.DocumentId).Distinct().Where(d => !excluded.Contains(d)).ToList();
            ndcg += Metrics.Ndcg(ranking, judged, 10);
            recall += Metrics.Recall(ranking, judged, 100);
            count++;
        }

        return count == 0 ? (0, 0, 0) : (ndcg / count, recall / count, count);
    }
}
