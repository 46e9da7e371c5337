using System.Collections.Concurrent;
using Grpc.Core;

namespace SecureRag.Inference.Tests.Fakes;

public sealed class TestStreamWriter<T> : IServerStreamWriter<T>
{
    public ConcurrentQueue<T> Messages { get; } = new();

    /// <summary>Called after each message is written, so a test can act mid-stream.</summary>
    public Action<T>? OnWrite { get; init; }

    public WriteOptions? WriteOptions { get; set; }

    public Task WriteAsync(T message) => WriteAsync(message, CancellationToken.None);

    public Task WriteAsync(T message, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Messages.Enqueue(message);
        OnWrite?.Invoke(message);
        return Task.CompletedTask;
    }
}
