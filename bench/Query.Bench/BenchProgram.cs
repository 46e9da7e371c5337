using System.Globalization;
using SecureRag.Bench;
using SecureRag.Query.Bench;

// Usage: Query.Bench <gateway-url> (--owner-key KEY | --bootstrap CREDENTIAL)
//          [--chunks 100000] [--questions 1000] [--warmup-seconds 30] [--rate 50] [--seconds 60] [--saturation-seconds 20] [--callers 16]
//          [--upload-concurrency 8]
var options = Arguments(args);
var gatewayUrl = new Uri(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : throw new ArgumentException("the Gateway's URL comes first"));
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 512, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = gatewayUrl,
    Timeout = TimeSpan.FromSeconds(60),
};
var gateway = new GatewayClient(http);
var ownerKey = options.TryGetValue("owner-key", out var owner) ? owner : await gateway.BootstrapAsync(options["bootstrap"]);

var corpus = new Corpus();
var target = await Setup.RunAsync(gateway, ownerKey, corpus, Option("chunks", 100_000), Option("upload-concurrency", 8), CancellationToken.None);
var questions = corpus.Questions(Option("questions", 1000), seed: 11);
var run = new LoadRun(http, target.AppId, target.AppKey, questions);

// Warm-up, not measured: pools, caches (not of answers: there is none) and JIT. The services' hot methods are compiled
// again with profile data once queries start; on two cores that takes tens of seconds and would be counted otherwise.
var warmup = await run.SaturateAsync(4, TimeSpan.FromSeconds(Option("warmup-seconds", 30)));
Console.Error.WriteLine($"warm-up: {warmup.Ok} answered, {warmup.Errors} errors in {warmup.Seconds:F1} s with 4 callers");
var (ok, errors, seconds) = await run.SaturateAsync(Option("callers", 16), TimeSpan.FromSeconds(Option("saturation-seconds", 20)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rps={ok / seconds:F1}"));
Console.Error.WriteLine($"saturation: {ok} answered, {errors} errors in {seconds:F1} s with {Option("callers", 16)} callers");

run.Failures.Clear();
var (latencies, failed) = await run.FixedRateAsync(Option("rate", 50), TimeSpan.FromSeconds(Option("seconds", 60)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"p50_ms={latencies.Percentile(0.50):F1} p99_ms={latencies.Percentile(0.99):F1} errors={failed}"));
if (!run.Failures.IsEmpty)
{
    Console.WriteLine("failures: " + string.Join(", ", run.Failures.OrderByDescending(f => f.Value).Select(f => $"{f.Key}={f.Value}")));
}

var total = run.StepMilliseconds.Values.Sum();
Console.WriteLine("steps: " + string.Join(' ', run.StepMilliseconds.OrderByDescending(s => s.Value)
    .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Key}={100 * s.Value / total:F1}%"))));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"chunks={target.Chunks} questions={questions.Count} requests={latencies.Count}"));

static Dictionary<string, string> Arguments(string[] args)
{
    var result = new Dictionary<string, string>(StringComparer.Ordinal);
    for (var i = 0; i < args.Length - 1; i++)
    {
        if (args[i].StartsWith("--", StringComparison.Ordinal))
        {
            result[args[i][2..]] = args[i + 1];
        }
    }

    return result;
}
