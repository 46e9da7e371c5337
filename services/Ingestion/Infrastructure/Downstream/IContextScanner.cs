using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

/// <summary>The Guardrail service's context rail for chunks about to be indexed. Fails closed: no verdict, no indexing.</summary>
public interface IContextScanner
{
    /// <exception cref="DependencyUnavailableException">Guardrail cannot be reached.</exception>
    Task<IReadOnlyList<ChunkVerdict>> ScanAsync(Actor actor, IReadOnlyList<(string Id, string Text)> chunks, CancellationToken cancellationToken);
}
