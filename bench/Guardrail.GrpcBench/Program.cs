using System.Diagnostics;
using Grpc.Core;
using Grpc.Net.Client;
using SecureRag.Bench;
using SecureRag.Bench.Guardrail;
using SecureRag.Bench.GuardrailGrpc;
using SecureRag.Contracts.Guardrail;
using SecureRag.ServiceDefaults.Security;

// The gRPC round trip of the rails: dotnet run -c Release --project bench/Guardrail.GrpcBench [-- --calls 5000]
// One caller, one call at a time, over loopback HTTP/2 with a verified service assertion on every call.
var calls = args.SkipWhile(a => a != "--calls").Skip(1).Select(int.Parse).FirstOrDefault(5000);
var warmUp = Math.Max(500, calls / 10);
var keys = new BenchKeys(GuardrailHost.ServiceName);
await using var app = await GuardrailHost.StartAsync(keys);
using var channel = GrpcChannel.ForAddress(app.Urls.First());
var client = new GuardrailService.GuardrailServiceClient(channel);
var headers = AssertionMetadata.For(keys.Service("tenant-bench", "gateway", "user-bench"));
var texts = SampleTexts.Load();
var input = new ScanInputRequest { Prompt = texts.BenignPrompt };
var context = new ScanContextRequest { Chunks = { new Chunk { Id = "email", Text = texts.ProseChunk } } };

Console.WriteLine($"{calls} calls each after {warmUp} warm-up calls; load average {File.ReadAllText("/proc/loadavg").Trim()}");
await Measure("ScanInput, 1 KB benign prompt", () => client.ScanInputAsync(input, headers).ResponseAsync);
await Measure("ScanContext, 2 KB e-mail chunk", () => client.ScanContextAsync(context, headers).ResponseAsync);
await app.StopAsync();

async Task Measure<T>(string name, Func<Task<T>> call)
{
    for (var i = 0; i < warmUp; i++)
    {
        await call();
    }

    var samples = new double[calls];
    for (var i = 0; i < calls; i++)
    {
        var started = Stopwatch.GetTimestamp();
        await call();
        samples[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    var latencies = new Latencies(samples);
    Console.WriteLine($"{name}: median {latencies.Percentile(0.5) * 1000:0} us, p99 {latencies.Percentile(0.99) * 1000:0} us");
}
