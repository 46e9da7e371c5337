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
/// Loads synthetic chunks (documents of 10 chunks in three knowledge bases, access lists over 20 groups) through
/// IndexDocument, then measures hybrid, trimmed Search through gRPC: saturation throughput with a closed loop, and
/// latency at a fixed offered rate (open loop, measured from each request's scheduled start).
/// </summary>
public static class LatencyBench
{
    private const string Tenant = "bench";
    private const int ChunksPerDocument = 10;
    private const int Groups = 20;

    /// <param name="Configuration">Retrieval settings for the service (<c>--set Retrieval:FusionCandidates=50</c>).</param>
    public sealed record Settings(int Chunks, int Rate, int Seconds, int Queries, int WordsPerChunk, IDictionary<string, string?> Configuration)
    {
        public static Settings Parse(string[] args)
        {
            int Get(string name, int fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
            }

            var configuration = args.Zip(args.Skip(1)).Where(a => a.First == "--set").Select(a => a.Second.Split('=', 2))
                .ToDictionary(kv => kv[0], kv => (string?)kv[1]);
            return new Settings(Get("--chunks", 100_000), Get("--rate", 100), Get("--seconds", 30), Get("--queries", 2000), Get("--words", 120), configuration);
        }
    }

    public static async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        // BENCH_PG_SETTINGS adds server settings (separated by ';'), e.g. auto_explain's, to look into a slow run.
        var extra = (Environment.GetEnvironmentVariable("BENCH_PG_SETTINGS") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries);
        // BENCH_PG_DIR keeps the loaded index there, and a later run with the same --chunks starts from it without loading.
        await using var postgres = await PrivatePostgres.StartAsync(
            ["shared_buffers=1GB", "maintenance_work_mem=512MB", .. extra], Environment.GetEnvironmentVariable("BENCH_PG_DIR"), ct);
        Console.Error.WriteLine($"postgres on port {postgres.Port}");
        var keys = new BenchKeys("retrieval");
        var embedder = new HashedQueryEmbedder(384);
        await using var app = await RetrievalHost.StartAsync(postgres.ConnectionString(), keys, embedder, settings.Configuration);
        using var channel = GrpcChannel.ForAddress(app.Urls.First());
        var corpus = new SyntheticCorpus(30_000, seed: 7);

        if (postgres.Reused)
        {
            Console.Error.WriteLine("index kept by an earlier run: not loading");
        }
        else
        {
            await LoadAsync(settings, keys, embedder, channel, corpus, ct);
        }

        await using (var vacuum = new Npgsql.NpgsqlConnection(postgres.AdminConnectionString))
        {
            await vacuum.OpenAsync(ct);
            await using var command = new Npgsql.NpgsqlCommand("VACUUM ANALYZE", vacuum) { CommandTimeout = 0 };
            await command.ExecuteNonQueryAsync(ct);
        }

        var random = new Random(11);
        var queries = Enumerable.Range(0, settings.Queries).Select(_ => corpus.Query(random)).Distinct().ToArray();
        var users = Enumerable.Range(0, 50).Select(u => AssertionMetadata.For(keys.User(
            Tenant, $"user-{u}", [$"g{u % Groups}", $"g{(u * 7 + 3) % Groups}", $"g{(u * 11 + 5) % Groups}"], "bench-app"))).ToArray();
        var client = new RetrievalClient(channel);
        var next = 0;
        async Task<bool> SearchOnce()
        {
            var i = Interlocked.Increment(ref next);
            try
            {
                await client.SearchAsync(new SearchRequest
                {
                    Query = queries[i % queries.Length],
                    TopK = 10,
                    App = new AppScope { AppId = "bench-app", Audience = Audience.Internal, AllKnowledgeBases = true },
                }, users[i % users.Length], cancellationToken: ct);
                return true;
            }
            catch (RpcException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        for (var i = 0; i < 200; i++)
        {
            await SearchOnce();
        }

        var (ok, errors, seconds) = await LoadDriver.SaturateAsync(SearchOnce, callers: 8, TimeSpan.FromSeconds(15));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qps={ok / seconds:F0} failed={errors}"));

        var (latencies, failed) = await LoadDriver.FixedRateAsync(SearchOnce, settings.Rate, TimeSpan.FromSeconds(settings.Seconds));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chunks={settings.Chunks} p50_ms={latencies.Percentile(0.50):F1} p99_ms={latencies.Percentile(0.99):F1} failed={failed}"));
        return 0;
    }

    private static async Task LoadAsync(
        Settings settings, BenchKeys keys, HashedQueryEmbedder embedder, GrpcChannel channel, SyntheticCorpus corpus, CancellationToken ct)
    {
        var indexer = new BenchIndexer(
            new RetrievalIndex.RetrievalIndexClient(channel),
            AssertionMetadata.For(keys.Service(Tenant, "ingestion", "bench-loader")),
            embedder.Embedder);
        (string Id, Classification Class)[] kbs = [("handbook", Classification.Internal), ("partners", Classification.Partner), ("support", Classification.Customer)];
        foreach (var (id, classification) in kbs)
        {
            await indexer.PutKnowledgeBaseAsync(id, classification, ["tenant:*"], ct);
        }

        var documents = settings.Chunks / ChunksPerDocument;
        var clock = Stopwatch.StartNew();
        var loaded = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, documents), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (d, token) =>
            {
                var random = new Random(d);
                var chunks = Enumerable.Range(0, ChunksPerDocument).Select(_ => corpus.Text(random, settings.WordsPerChunk)).ToList();
                string[] access = d % 10 == 0 ? ["tenant:*"] : [$"group:g{random.Next(Groups)}", $"group:g{random.Next(Groups)}", $"user:user-{random.Next(50)}"];
                await indexer.IndexAsync(kbs[d % kbs.Length].Id, $"doc-{d}", corpus.Text(random, 6), chunks, access, ct: token);
                if (Interlocked.Increment(ref loaded) % 1000 == 0)
                {
                    Console.Error.WriteLine($"loaded {loaded * ChunksPerDocument} chunks in {clock.Elapsed.TotalSeconds:F0} s");
                }
            });
        Console.Error.WriteLine($"loaded {documents * ChunksPerDocument} chunks in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
