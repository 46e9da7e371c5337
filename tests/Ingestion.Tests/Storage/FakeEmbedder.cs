using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure.Downstream;

namespace SecureRag.Ingestion.Tests.Storage;

public sealed class FakeEmbedder : IChunkEmbedder
{
    public const string EmbedderId = "fake-v1-4";

    public int Calls { get; private set; }

    public Task<(IReadOnlyList<float[]> Vectors, string EmbedderId)> EmbedAsync(
        Actor actor, string model, string? expectedEmbedderId, IReadOnlyList<string> texts, CancellationToken cancellationToken)
    {
        Calls++;
        return Task.FromResult<(IReadOnlyList<float[]>, string)>(([.. texts.Select(t => new float[] { t.Length, 1, 2, 3 })], EmbedderId));
    }
}
