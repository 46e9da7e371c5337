using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Events;
using SecureRag.Contracts.Retrieval;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure.Downstream;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;
using Dapper;

namespace SecureRag.Ingestion.Infrastructure.Jobs;

/// <summary>
/// The last stage of a job: embed the indexable chunks in batches while streaming them to Retrieval, then, under the
/// document's row lock (the lock approvals, access changes and deletions take too), bring the index in line with
/// anything decided meanwhile and record the outcome with its event.
/// </summary>
public sealed class JobIndexer(
    JobStore jobs,
    DocumentStore documents,
    KnowledgeBaseStore knowledgeBases,
    ChunkStore chunks,
    IChunkEmbedder embedder,
    ISearchIndex index,
    ServiceDatabase database,
    Outbox outbox,
    IOptions<IngestionOptions> options,
    TimeProvider time)
{
    public async Task<JobOutcome> IndexAsync(JobRow job, KnowledgeBaseRow knowledgeBase, DocumentRow document, VersionRow version, Actor actor, CancellationToken cancellationToken)
    {
        var counts = await chunks.CountsAsync(job.DocumentId, job.Version, cancellationToken);
        var total = counts.Indexable + counts.Quarantined;
        await jobs.ProgressAsync(job.Id, JobStates.StageEmbed, total, counts.Quarantined, counts.Quarantined, counts.Flagged, null, cancellationToken);

        var batchSize = options.Value.EmbedBatchSize;
        var first = await chunks.IndexableAsync(job.DocumentId, job.Version, -1, batchSize, cancellationToken);
        var embedderId = knowledgeBase.EmbedderId;
        IReadOnlyList<float[]> firstVectors = [];
        if (first.Count > 0)
        {
            (firstVectors, var produced) = await EmbedAsync(actor, knowledgeBase, embedderId, first, cancellationToken);
            if (embedderId is null)
            {
                // The knowledge base's first vectors decide its embedder; the index learns it before any vector arrives.
                embedderId = await knowledgeBases.ClaimEmbedderAsync(knowledgeBase.Id, produced, cancellationToken);
                if (embedderId != produced)
                {
                    throw new DependencyUnavailableException("inference", "the knowledge base's embedder was set concurrently; embedding again");
                }

                var claimed = await knowledgeBases.GetByIdAsync(knowledgeBase.Id, cancellationToken) ?? knowledgeBase;
                await index.PutKnowledgeBaseAsync(actor, claimed, cancellationToken);
            }
        }

        var header = IndexHeaders.Create(document, version, embedderId, counts.Indexable);
        if (counts.Indexable > 0)
        {
            try
            {
                await index.IndexAsync(actor, header, Batches(job, knowledgeBase, embedderId, actor, first, firstVectors, counts.Quarantined, counts.Flagged, total, cancellationToken), cancellationToken);
            }
            catch (RpcException ex)
            {
                if (ex.StatusCode == StatusCode.FailedPrecondition && await SupersededAsync(job, cancellationToken))
                {
                    await jobs.CancelAsync(job.Id, "A later version was indexed first.", cancellationToken);
                    return JobOutcome.Cancelled;
                }

                throw JobRunner.Refused("retrieval", ex);
            }
        }

        return await FinishAsync(job, header, actor, counts.Indexable, counts.Quarantined, counts.Flagged, cancellationToken);
    }

    private async IAsyncEnumerable<ChunkBatch> Batches(
        JobRow job, KnowledgeBaseRow knowledgeBase, string? embedderId, Actor actor, IReadOnlyList<ChunkRow> first, IReadOnlyList<float[]> firstVectors,
        int quarantined, int flagged, int total, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ordinal = 0;
        var rows = first;
        var vectors = firstVectors;
        while (rows.Count > 0)
        {
            var batch = new ChunkBatch();
            for (var i = 0; i < rows.Count; i++)
            {
                batch.Chunks.Add(IndexHeaders.ToIndexed(rows[i], ordinal++, vectors[i]));
            }

            yield return batch;
            await jobs.ProgressAsync(job.Id, JobStates.StageIndex, total, quarantined + ordinal, quarantined, flagged, null, cancellationToken);
            rows = await chunks.IndexableAsync(job.DocumentId, job.Version, rows[^1].Ordinal, options.Value.EmbedBatchSize, cancellationToken);
            if (rows.Count > 0)
            {
                (vectors, _) = await EmbedAsync(actor, knowledgeBase, embedderId, rows, cancellationToken);
            }
        }
    }

    private async Task<(IReadOnlyList<float[]> Vectors, string EmbedderId)> EmbedAsync(
        Actor actor, KnowledgeBaseRow knowledgeBase, string? embedderId, IReadOnlyList<ChunkRow> rows, CancellationToken cancellationToken)
    {
        try
        {
            return await embedder.EmbedAsync(actor, knowledgeBase.EmbeddingModel, embedderId, [.. rows.Select(r => r.IndexedText ?? r.Text)], cancellationToken);
        }
        catch (RpcException ex)
        {
            throw JobRunner.Refused("inference", ex);
        }
    }

    private Task<JobOutcome> FinishAsync(JobRow job, IndexDocumentHeader header, Actor actor, int indexed, int quarantined, int flagged, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var document = await documents.LockAsync(session, job.TenantId, job.DocumentId, ct);
            var version = document is null ? null : await documents.LockVersionAsync(session, job.DocumentId, job.Version, ct);
            if (document is null || version is null)
            {
                // Deleted while the stream was open: take back what it wrote.
                await index.DeleteDocumentAsync(actor, job.DocumentId, ct);
                await jobs.CancelAsync(session, job.Id, "The document was deleted.", ct);
                return JobOutcome.Cancelled;
            }

            var approved = version.ApprovalState == "approved";
            if (indexed > 0 && approved != (header.Approval == ApprovalState.Approved))
            {
                await index.SetApprovalAsync(actor, job.DocumentId, job.Version, approved, ct);
            }
            else if (indexed > 0 && version.ApprovalState == "rejected")
            {
                await index.SetApprovalAsync(actor, job.DocumentId, job.Version, approved: false, ct);
            }

            var access = IndexHeaders.EffectiveAccess(document.Access);
            if (indexed > 0 && !access.SequenceEqual(header.Access))
            {
                await index.SetDocumentAccessAsync(actor, job.DocumentId, access, ct);
            }

            var now = time.GetUtcNow();
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE document_versions SET indexed_at = @Now, chunk_count = @Indexed, quarantined_chunks = @Quarantined
                WHERE document_id = @DocumentId AND version = @Version;
                UPDATE documents SET searchable_version = @Version, updated_at = @Now
                WHERE id = @DocumentId AND @Searchable AND searchable_version < @Version;
                UPDATE document_versions SET approval_state = 'superseded'
                WHERE document_id = @DocumentId AND version < @Version AND approval_state = 'approved' AND @Searchable;
                """,
                new { job.DocumentId, job.Version, Now = now, Indexed = indexed, Quarantined = quarantined, Searchable = approved && indexed > 0 },
                session.Transaction, cancellationToken: ct));
            await chunks.RemoveIndexedAsync(session, job.DocumentId, job.Version, ct);
            await jobs.CompleteAsync(session, job.Id, indexed + quarantined, quarantined, flagged, ct);
            await outbox.EnqueueAsync(session, new DocumentIndexed(
                job.TenantId, job.KnowledgeBaseId.ToString(), job.DocumentId.ToString(), job.Version, job.Id.ToString(), version.ContentHash,
                indexed, quarantined, approved && indexed > 0)
            { OccurredAt = now }, job.DocumentId.ToString(), ct);
            return JobOutcome.Completed;
        }, cancellationToken);

    private async Task<bool> SupersededAsync(JobRow job, CancellationToken cancellationToken) =>
        (await documents.VersionsAsync(job.DocumentId, cancellationToken)).Any(v => v.Version > job.Version && v.IndexedAt is not null);
}
