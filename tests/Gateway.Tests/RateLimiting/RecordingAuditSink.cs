using System.Collections.Concurrent;
using SecureRag.Gateway.RateLimiting;

namespace SecureRag.Gateway.Tests.RateLimiting;

internal sealed class RecordingAuditSink : IRateLimitAuditSink
{
    public ConcurrentQueue<RateLimitHit> Hits { get; } = new();

    public ValueTask RateLimitHitAsync(RateLimitHit hit, CancellationToken cancellationToken)
    {
        Hits.Enqueue(hit);
        return ValueTask.CompletedTask;
    }
}
