namespace SecureRag.Ingestion.Bench;

/// <summary>Samples a process's resident memory every 100 ms and keeps the highest value seen.</summary>
public sealed class RssSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RssSampler(int? pid)
    {
        _loop = pid is { } id ? LoopAsync(id) : Task.CompletedTask;
    }

    public double? PeakMegabytes { get; private set; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task LoopAsync(int pid)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (ProcessMemory.CurrentMegabytes(pid) is { } rss)
            {
                PeakMegabytes = Math.Max(PeakMegabytes ?? 0, rss);
            }

            await Task.Delay(100, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }
}
