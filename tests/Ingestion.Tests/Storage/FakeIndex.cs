using System.Collections.Concurrent;
using SecureRag.Contracts.Retrieval;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.Ingestion.Infrastructure.Downstream;

namespace SecureRag.Ingestion.Tests.Storage;

/// <summary>Retrieval's write side in memory: records every call, commits a stream only when it was read to its end.</summary>
public sealed class FakeIndex : ISearchIndex
{
    public ConcurrentQueue<KnowledgeBaseRow> KnowledgeBases { get; } = new();

    public ConcurrentQueue<(IndexDocumentHeader Header, List<IndexedChunk> Chunks)> Indexed { get; } = new();

    public ConcurrentQueue<(Guid DocumentId, long Version, bool Approved)> Decisions { get; } = new();

    public ConcurrentQueue<(Guid DocumentId, IReadOnlyList<string> Access)> AccessChanges { get; } = new();

    public ConcurrentQueue<Guid> Deleted { get; } = new();

    /// <summary>Thrown by the next index call (then cleared).</summary>
    public Exception? FailNextIndex { get; set; }

    public bool Unavailable { get; set; }

    public Task PutKnowledgeBaseAsync(Actor actor, KnowledgeBaseRow knowledgeBase, CancellationToken cancellationToken)
    {
        Check();
        KnowledgeBases.Enqueue(knowledgeBase);
        return Task.CompletedTask;
    }

    public async Task<IndexDocumentResponse> IndexAsync(Actor actor, IndexDocumentHeader header, IAsyncEnumerable<ChunkBatch> batches, CancellationToken cancellationToken)
    {
        Check();
        if (FailNextIndex is { } failure)
        {
            FailNextIndex = null;
            throw failure;
        }

        var chunks = new List<IndexedChunk>();
        await foreach (var batch in batches.WithCancellation(cancellationToken))
        {
            chunks.AddRange(batch.Chunks);
        }

        Assert.Equal(header.ChunkCount, chunks.Count);
        Indexed.Enqueue((header, chunks));
        return new IndexDocumentResponse { ChunksIndexed = chunks.Count, Searchable = header.Approval == ApprovalState.Approved };
    }

    public Task SetApprovalAsync(Actor actor, Guid documentId, long version, bool approved, CancellationToken cancellationToken)
    {
        Check();
        Decisions.Enqueue((documentId, version, approved));
        return Task.CompletedTask;
    }

    public Task SetDocumentAccessAsync(Actor actor, Guid documentId, IReadOnlyList<string> access, CancellationToken cancellationToken)
    {
        Check();
        AccessChanges.Enqueue((documentId, access));
        return Task.CompletedTask;
    }

    public Task DeleteDocumentAsync(Actor actor, Guid documentId, CancellationToken cancellationToken)
    {
        Check();
        Deleted.Enqueue(documentId);
        return Task.CompletedTask;
    }

    private void Check()
    {
        if (Unavailable)
        {
            throw new DependencyUnavailableException("retrieval", "Unavailable: connection refused");
        }
    }
}
