using SecureRag.Contracts.Retrieval;
using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

/// <summary>The Retrieval service's write side. Every call has committed when it returns.</summary>
public interface ISearchIndex
{
    Task PutKnowledgeBaseAsync(Actor actor, KnowledgeBaseRow knowledgeBase, CancellationToken cancellationToken);

    /// <summary>Streams the header, then the batches as they are produced; nothing is written unless all arrive.</summary>
    Task<IndexDocumentResponse> IndexAsync(Actor actor, IndexDocumentHeader header, IAsyncEnumerable<ChunkBatch> batches, CancellationToken cancellationToken);

    Task SetApprovalAsync(Actor actor, Guid documentId, long version, bool approved, CancellationToken cancellationToken);

    Task SetDocumentAccessAsync(Actor actor, Guid documentId, IReadOnlyList<string> access, CancellationToken cancellationToken);

    Task DeleteDocumentAsync(Actor actor, Guid documentId, CancellationToken cancellationToken);
}
