using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace SecureRag.Query.Bench;

/// <summary>
/// Drives <c>POST /v1/apps/{app}/query</c>: back to back from several callers (saturation), or at a fixed offered rate
/// with latency measured from each request's scheduled start (so a stalled server cannot hide its queue). Step times
/// come from each response's <c>Server-Timing</c> header, which carries the durations of the query's spans.
/// </summary>
public sealed class LoadRun(HttpClient http, string appId, string key, IReadOnlyList<string> questions)
{
    private int _next;

    public ConcurrentDictionary<string, double> StepMilliseconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed requests by HTTP status and problem code (or exception), e.g. <c>503 retrieval_unavailable</c>.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public async Task<(int Ok, int Errors, double Seconds)> SaturateAsync(int callers, TimeSpan duration)
    {
        var ok = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                if (await SendAsync(recordSteps: false))
                {
                    Interlocked.Increment(ref ok);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        return (ok, errors, clock.Elapsed.TotalSeconds);
    }

    public async Task<(List<double> LatenciesMs, int Errors)> FixedRateAsync(double rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<double>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            tasks.Add(Task.Run(async () =>
            {
                var success = await SendAsync(recordSteps: true);
                latencies.Add((clock.Elapsed - scheduled).TotalMilliseconds);
                if (!success)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(tasks);
        return ([.. latencies.Order()], errors);
    }

    private async Task<bool> SendAsync(bool recordSteps)
    {
        var question = questions[(Interlocked.Increment(ref _next) & int.MaxValue) % questions.Count];
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v1/apps/{appId}/query") { Content = JsonContent.Create(new { question }) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await http.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                var code = body.Contains("\"code\"", StringComparison.Ordinal)
                    ? System.Text.Json.Nodes.JsonNode.Parse(body)?["code"]?.ToString() ?? "" : "";
                Failures.AddOrUpdate($"{(int)response.StatusCode} {code}".Trim(), 1, (_, n) => n + 1);
            }

            if (recordSteps && response.Headers.TryGetValues("Server-Timing", out var timings))
            {
                foreach (var entry in string.Join(',', timings).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    var parts = entry.Split(";dur=");
                    if (parts.Length == 2 && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
                    {
                        StepMilliseconds.AddOrUpdate(parts[0], ms, (_, sum) => sum + ms);
                    }
                }
            }

            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            Failures.AddOrUpdate(ex.GetType().Name, 1, (_, n) => n + 1);
            return false;
        }
    }
}
