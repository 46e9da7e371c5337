using System.Collections.Concurrent;
using System.Diagnostics;

namespace SecureRag.Bench;

/// <summary>
/// Drives one kind of request: back to back from several callers (saturation), or at a fixed offered rate with latency
/// measured from each request's scheduled start, so a stalled server cannot hide its queue (no coordinated omission).
/// </summary>
public static class LoadDriver
{
    /// <param name="send">One request; true when it succeeded.</param>
    public static async Task<(int Ok, int Errors, double Seconds)> SaturateAsync(Func<Task<bool>> send, int callers, TimeSpan duration)
    {
        var ok = 0;
        var errors = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                if (await send())
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

    /// <returns>Every request's latency by its scheduled start, and the number that failed.</returns>
    public static async Task<(Latencies Latencies, int Errors)> FixedRateAsync(Func<Task<bool>> send, double rate, TimeSpan duration)
    {
        var count = (int)(rate * duration.TotalSeconds);
        var latencies = new ConcurrentBag<(double StartSeconds, double Milliseconds)>();
        var errors = 0;
        var clock = Stopwatch.StartNew();
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            var scheduled = TimeSpan.FromSeconds(i / rate);
            var wait = scheduled - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            tasks.Add(Task.Run(async () =>
            {
                var success = await send();
                latencies.Add((scheduled.TotalSeconds, (clock.Elapsed - scheduled).TotalMilliseconds));
                if (!success)
                {
                    Interlocked.Increment(ref errors);
                }
            }));
        }

        await Task.WhenAll(tasks);
        return (new Latencies(latencies), errors);
    }
}
