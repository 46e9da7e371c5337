using System.Diagnostics;
using Grpc.Net.Client;
using SecureRag.Contracts.Inference;

namespace SecureRag.Inference.Bench;

/// <summary>Extractive generation through gRPC (8 passages of 400 tokens), then the hashed embedder over 512-token chunks.</summary>
public static class BenchProgram
{
    public static async Task Main(string[] args)
    {
        var generations = args.Length > 0 ? int.Parse(args[0]) : 2000;
        var chunkCount = args.Length > 1 ? int.Parse(args[1]) : 20000;

        await using var app = await BenchHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(app.Urls.First());
        var client = new SecureRag.Contracts.Inference.Inference.InferenceClient(channel);
        var corpus = new Corpus(seed: 42);

        var requests = Enumerable.Range(0, 64).Select(_ =>
        {
            var request = new GenerateRequest { SystemPrompt = "Answer from the passages.", Question = corpus.Question() };
            for (var rank = 1; rank <= 8; rank++)
            {
                request.Passages.Add(new Passage { Id = $"c{rank}", CitationId = rank.ToString(), Title = $"Doc {rank}", Text = corpus.Text(400), Rank = rank });
            }

            return request;
        }).ToList();

        for (var i = 0; i < 300; i++)
        {
            await client.GenerateAsync(requests[i % requests.Count]);
        }

        var latencies = new double[generations];
        var answered = 0;
        var generationCpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < generations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var response = await client.GenerateAsync(requests[i % requests.Count]);
            latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            answered += response.Text.Length > 0 ? 1 : 0;
        }

        generationCpu = Process.GetCurrentProcess().TotalProcessorTime - generationCpu;
        Array.Sort(latencies);

        var embedder = new Domain.HashedEmbedder(384);
        var chunks = Enumerable.Range(0, 256).Select(_ => corpus.Text(512)).ToList();
        foreach (var chunk in chunks)
        {
            embedder.Embed(chunk);
        }

        var embedCpu = Process.GetCurrentProcess().TotalProcessorTime;
        var embedStarted = Stopwatch.GetTimestamp();
        for (var i = 0; i < chunkCount; i++)
        {
            embedder.Embed(chunks[i % chunks.Count]);
        }

        var embedSeconds = Stopwatch.GetElapsedTime(embedStarted).TotalSeconds;
        embedCpu = Process.GetCurrentProcess().TotalProcessorTime - embedCpu;

        // The same embedder through gRPC, in batches of 64, for comparison.
        var batch = new EmbedRequest();
        batch.Inputs.AddRange(chunks.Take(64));
        await client.EmbedAsync(batch);
        var grpcStarted = Stopwatch.GetTimestamp();
        const int grpcBatches = 50;
        for (var i = 0; i < grpcBatches; i++)
        {
            await client.EmbedAsync(batch);
        }

        var grpcSeconds = Stopwatch.GetElapsedTime(grpcStarted).TotalSeconds;

        Console.WriteLine($"# extractive: {generations} calls through gRPC on loopback, 8 passages x 400 tokens, {answered} with an answer; p90 {Percentile(latencies, 0.90):0.000} ms, p99 {Percentile(latencies, 0.99):0.000} ms, process CPU {generationCpu.TotalMilliseconds / generations:0.000} ms per call (client and server)");
        Console.WriteLine($"# hashed embedder: {chunkCount} chunks of 512 tokens in-process on one thread ({chunkCount / embedCpu.TotalSeconds:0} per CPU-second); through gRPC in batches of 64: {grpcBatches * 64 / grpcSeconds:0} chunks/s");
        Console.WriteLine($"# load average while running: {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"extractive_p50_ms={Percentile(latencies, 0.50):0.000} embed_chunks_per_s={chunkCount / embedSeconds:0}");
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(p * sorted.Length) - 1)];
}
