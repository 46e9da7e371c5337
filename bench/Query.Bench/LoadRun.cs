using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using SecureRag.Bench;

namespace SecureRag.Query.Bench;

/// <summary>
/// Drives <c>POST /v1/apps/{app}/query</c> through <see cref="LoadDriver"/>. Step times come from each response's
/// <c>Server-Timing</c> header, which carries the durations of the query's spans.
/// </summary>
public sealed class LoadRun(HttpClient http, string appId, string key, IReadOnlyList<string> questions)
{
    private int _next;

    public ConcurrentDictionary<string, double> StepMilliseconds { get; } = new(StringComparer.Ordinal);

    /// <summary>Failed requests by HTTP status and problem code (or exception), e.g. <c>503 retrieval_unavailable</c>.</summary>
    public ConcurrentDictionary<string, int> Failures { get; } = new(StringComparer.Ordinal);

    public Task<(int Ok, int Errors, double Seconds)> SaturateAsync(int callers, TimeSpan duration) =>
        LoadDriver.SaturateAsync(() => SendAsync(recordSteps: false), callers, duration);

    public Task<(Latencies Latencies, int Errors)> FixedRateAsync(double rate, TimeSpan duration) =>
        LoadDriver.FixedRateAsync(() => SendAsync(recordSteps: true), rate, duration);

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
