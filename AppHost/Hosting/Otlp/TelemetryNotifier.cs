using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace SecureRag.Hosting.Otlp;

/// <summary>Tells the <see cref="TelemetryStore"/>'s waiters and subscribers that a batch was added.</summary>
internal sealed class TelemetryNotifier
{
    private const int SubscriberBufferSize = 1_024;
    private const int ItemsDescribedOnTimeout = 5;

    private readonly Lock _gate = new();
    private readonly List<ChannelWriter<TelemetryBatch>> _subscribers = [];
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>Call after the batch is visible in the store.</summary>
    public void Publish(TelemetryBatch batch)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.TryWrite(batch);
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.SetResult();
    }

    public async IAsyncEnumerable<TelemetryBatch> SubscribeAsync([EnumeratorCancellation] CancellationToken ct)
    {
        // Dropping a slow subscriber's oldest batches keeps a stalled dashboard from slowing the receiver down.
        var channel = Channel.CreateBounded<TelemetryBatch>(new BoundedChannelOptions(SubscriberBufferSize)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel.Writer);
        }

        try
        {
            await foreach (var batch in channel.Reader.ReadAllAsync(ct).ConfigureAwait(false))
            {
                yield return batch;
            }
        }
        finally
        {
            lock (_gate)
            {
                _subscribers.Remove(channel.Writer);
            }
        }
    }

    public async Task<IReadOnlyList<T>> WaitAsync<T>(
        Func<IReadOnlyList<T>> snapshot,
        Func<IReadOnlyList<T>, bool> predicate,
        TimeSpan timeout,
        string what,
        Func<T, string> describe,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);

        while (true)
        {
            // Take the signal before the snapshot, so a batch added in between still wakes this loop.
            Task changed;
            lock (_gate)
            {
                changed = _changed.Task;
            }

            var items = snapshot();
            if (predicate(items))
            {
                return items;
            }

            try
            {
                await changed.WaitAsync(timeoutCts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                var latest = string.Join("; ", items.TakeLast(ItemsDescribedOnTimeout).Select(describe));
                throw new TimeoutException(
                    $"No {what} satisfied the condition within {timeout.TotalSeconds:0.###} s. " +
                    $"The store holds {items.Count} {what}" + (items.Count == 0 ? "." : $"; the latest: {latest}."));
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
