using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SecureRag.Bench;
using SecureRag.Gateway.Bench;

// Usage: Gateway.Bench <gateway-url> (--owner-key KEY | --bootstrap CREDENTIAL) [--second-gateway URL]
//          [--keys 1000] [--settle-seconds 20] [--callers 64] [--saturation-seconds 15] [--rate 2000] [--seconds 30] [--revocations 20]
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2)
{
    options[args[i].TrimStart('-')] = args[i + 1];
}

var gatewayUrl = new Uri(args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : throw new ArgumentException("the Gateway's URL comes first"));
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
string F(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

HttpClient Client(Uri address) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 1024, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = address,
    Timeout = TimeSpan.FromSeconds(30),
};
using var http = Client(gatewayUrl);
var gateway = new GatewayClient(http);
var operatorKey = options.TryGetValue("owner-key", out var owner) ? owner : await gateway.BootstrapAsync(options["bootstrap"]);
var pool = await KeyPool.CreateAsync(gateway, operatorKey, Option("keys", 1000), CancellationToken.None);
Console.Error.WriteLine($"keys: {pool.Count}");
// Creating the keys raised as many audit events: let Auth's relay and the Audit service absorb them first, so the
// figures measure the Gateway rather than the set-up's aftermath.
await Task.Delay(TimeSpan.FromSeconds(Option("settle-seconds", 20)));

async Task<bool> GetAsync(string path, string? key)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    if (key is not null)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    try
    {
        using var response = await http.SendAsync(request);
        await response.Content.CopyToAsync(Stream.Null);
        return response.StatusCode == HttpStatusCode.OK;
    }
    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
    {
        return false;
    }
}

Task<bool> Secured() => GetAsync("/v1/me", pool.Next());
Task<bool> Unsecured() => GetAsync("/bench/me", null);
Task<BenchStats> StatsAsync() => http.GetFromJsonAsync<BenchStats>("/bench/stats")!;

// Warm-up: JIT, connection pools, and one authentication per key (the cache's steady state).
await LoadDriver.SaturateAsync(Unsecured, 16, TimeSpan.FromSeconds(3));
await LoadDriver.SaturateAsync(Secured, 16, TimeSpan.FromSeconds(5));

var callers = Option("callers", 64);
var before = await StatsAsync();
var (ok, errors, seconds) = await LoadDriver.SaturateAsync(Secured, callers, TimeSpan.FromSeconds(Option("saturation-seconds", 15)));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"rps={ok / seconds:F0}"));
Console.Error.WriteLine($"saturation: {ok} ok, {errors} errors, {callers} callers, {seconds:F1} s");

// The same offered rate against the same handler, without and then with the security layer.
var rate = Option("rate", 2000);
var duration = TimeSpan.FromSeconds(Option("seconds", 30));
Console.Error.WriteLine($"unsecured phase from {DateTime.UtcNow:HH:mm:ss.f}");
var (bare, bareErrors) = await LoadDriver.FixedRateAsync(Unsecured, rate, duration);
Console.Error.WriteLine($"secured phase from {DateTime.UtcNow:HH:mm:ss.f}");
var (secured, securedErrors) = await LoadDriver.FixedRateAsync(Secured, rate, duration);
var after = await StatsAsync();
Console.Error.WriteLine($"slow seconds, unsecured: {bare.SlowSeconds(50)}");
Console.Error.WriteLine($"slow seconds, secured: {secured.SlowSeconds(50)}");
Console.WriteLine($"p50_ms={F(secured.Percentile(0.50))} p99_ms={F(secured.Percentile(0.99))} overhead_p50_ms={F(secured.Percentile(0.50) - bare.Percentile(0.50))}");
Console.WriteLine($"unsecured_p50_ms={F(bare.Percentile(0.50))} unsecured_p99_ms={F(bare.Percentile(0.99))} rate={rate} seconds={duration.TotalSeconds:F0} errors={securedErrors + bareErrors}");

var checks = after.RateLimitChecks - before.RateLimitChecks;
var hits = after.AuthCacheHits - before.AuthCacheHits;
var lookups = hits + after.AuthCacheMisses - before.AuthCacheMisses;
Console.WriteLine($"redis_commands_per_request={F(checks == 0 ? 0 : (after.RedisCommands - before.RedisCommands) / (double)checks)} auth_cache_hit_rate={(lookups == 0 ? 0 : hits / (double)lookups):F4} auth_renewals={after.AuthRenewals - before.AuthRenewals} rate_limit_checks={checks} keys={pool.Count}");

if (options.TryGetValue("second-gateway", out var secondUrl))
{
    using var second = Client(new Uri(secondUrl));
    var revocations = await Revocation.MeasureAsync(gateway, second, pool.OwnerKey, Option("revocations", 20), CancellationToken.None);
    Console.WriteLine($"revocation_p50_ms={F(revocations.Percentile(0.50))} revocation_max_ms={F(revocations.Percentile(1.0))} rounds={revocations.Count}");
}

/// <summary>The Gateway's <c>/bench/stats</c>.</summary>
internal sealed record BenchStats(long RedisCommands, long RateLimitChecks, long AuthCacheHits, long AuthCacheMisses, long AuthRenewals);
