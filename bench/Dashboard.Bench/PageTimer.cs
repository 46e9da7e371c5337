using System.Diagnostics;

namespace SecureRag.Dashboard.Bench;

/// <summary>Times whole page loads over HTTP: request sent to the last byte read.</summary>
internal static class PageTimer
{
    /// <param name="CpuMs">The process's CPU time per load (server and client both run here): unlike the wall times,
    /// hardly inflated by other work on the machine.</param>
    public sealed record Result(double P50, double P95, double Max, double CpuMs, long Bytes);

    public static async Task<Result> TimeAsync(HttpClient http, string path, int warmup, int requests)
    {
        for (var i = 0; i < warmup; i++)
        {
            await LoadAsync(http, path);
        }

        var times = new List<double>(requests);
        long bytes = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            bytes = await LoadAsync(http, path);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / requests;
        times.Sort();
        return new Result(Percentile(times, 0.50), Percentile(times, 0.95), times[^1], cpuMs, bytes);
    }

    private static async Task<long> LoadAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}.");
        }

        return body.Length;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p * sorted.Count) - 1)];
}
