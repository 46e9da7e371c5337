using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
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

    public sealed record Settings(int Chunks, int Rate, int Seconds, int Queries, int WordsPerChunk)
    {
        public static Settings Parse(string[] args)
        {
            int Get(string name, int fallback)
            {
                var i = Array.IndexOf(args, name);
                return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
            }

            return new Settings(Get("--chunks", 100_000), Get("--rate", 100), Get("--seconds", 30), Get("--queries", 2000), Get("--words", 120));
        }
    }

    public static async Task<int> RunAsync(Settings settings, CancellationToken ct)
    {
        await using var postgres = await PrivatePostgres.StartAsync(["shared_buffers=1GB", "maintenance_work_mem=512MB"], ct);
        var keys = new BenchKeys();
        var embedder = new HashedQueryEmbedder(384);
        await using var app = await RetrievalHost.StartAsync(postgres.ConnectionString(), keys, embedder);
        using var channel = GrpcChannel.ForAddress(app.Urls.First());
        var corpus = new SyntheticCorpus(30_000, seed: 7);

        await LoadAsync(settings, keys, embedder, channel, corpus, ct);
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
        async Task SearchOnce(CancellationToken token)
        {
            var i = Interlocked.Increment(ref next);
            await client.SearchAsync(new SearchRequest
            {
                Query = queries[i % queries.Length],
                TopK = 10,
                App = new AppScope { AppId = "bench-app", Audience = Audience.Internal, AllKnowledgeBases = true },
            }, users[i % users.Length], cancellationToken: token);
        }

        // Warm-up, then saturation: 8 callers back to back for 15 s.
        for (var i = 0; i < 200; i++)
        {
            await SearchOnce(ct);
        }

        var done = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(15))
            {
                await SearchOnce(ct);
                Interlocked.Increment(ref done);
            }
        }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qps={done / clock.Elapsed.TotalSeconds:F0}"));

        // Fixed offered rate: request n starts at n / rate seconds; its latency counts from then.
        var latencies = new ConcurrentBag<double>();
        var total = settings.Rate * settings.Seconds;
        var start = Stopwatch.GetTimestamp();
        var running = new List<Task>(total);
        for (var n = 0; n < total; n++)
        {
            var due = start + (long)(n * (double)Stopwatch.Frequency / settings.Rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            running.Add(Task.Run(async () =>
            {
                await SearchOnce(ct);
                latencies.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
            }, ct));
        }

        await Task.WhenAll(running);
        var sorted = latencies.Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"chunks={settings.Chunks} p50_ms={Percentile(sorted, 0.50):F1} p99_ms={Percentile(sorted, 0.99):F1}"));
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

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
