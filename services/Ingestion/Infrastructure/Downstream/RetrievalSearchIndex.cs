using Google.Protobuf.WellKnownTypes;
using SecureRag.Contracts.Retrieval;
using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

public sealed class RetrievalSearchIndex(RetrievalIndex.RetrievalIndexClient retrieval, ServiceCalls calls) : ISearchIndex
{
    private const string Dependency = "retrieval";

    public async Task PutKnowledgeBaseAsync(Actor actor, KnowledgeBaseRow knowledgeBase, CancellationToken cancellationToken)
    {
        var request = new PutKnowledgeBaseRequest
        {
            KnowledgeBaseId = knowledgeBase.Id.ToString(),
            Name = knowledgeBase.Name,
            Classification = knowledgeBase.Classification switch
            {
                "internal" => Classification.Internal,
                "partner" => Classification.Partner,
                "customer" => Classification.Customer,
                _ => Classification.Restricted,
            },
            ReviewBefore = knowledgeBase.ReviewBefore is { } review ? Timestamp.FromDateTime(DateTime.SpecifyKind(review, DateTimeKind.Utc)) : null,
            ExcludeStale = knowledgeBase.ExcludeStale,
            EmbedderId = knowledgeBase.EmbedderId ?? "",
            EmbeddingModel = knowledgeBase.EmbeddingModel,
        };
        request.Access.AddRange(knowledgeBase.Access);
        var headers = await calls.HeadersAsync(Dependency, actor, cancellationToken);
        await RpcFailures.CallAsync(Dependency, () => retrieval.PutKnowledgeBaseAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    public async Task<IndexDocumentResponse> IndexAsync(Actor actor, IndexDocumentHeader header, IAsyncEnumerable<ChunkBatch> batches, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync(Dependency, actor, cancellationToken);
        return await RpcFailures.CallAsync(Dependency, async () =>
        {
            // Disposing the call without completing it cancels the stream, and Retrieval writes nothing.
            using var call = retrieval.IndexDocument(headers, cancellationToken: cancellationToken);
            await call.RequestStream.WriteAsync(new IndexDocumentPart { Header = header }, cancellationToken);
            await foreach (var batch in batches.WithCancellation(cancellationToken))
            {
                await call.RequestStream.WriteAsync(new IndexDocumentPart { Chunks = batch }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
            return await call.ResponseAsync;
        }, cancellationToken);
    }

    public async Task SetApprovalAsync(Actor actor, Guid documentId, long version, bool approved, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync(Dependency, actor, cancellationToken);
        var request = new SetApprovalRequest
        {
            DocumentId = documentId.ToString(),
            Version = version,
            Decision = approved ? ApprovalState.Approved : ApprovalState.Rejected,
        };
        await RpcFailures.CallAsync(Dependency, () => retrieval.SetApprovalAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    public async Task SetDocumentAccessAsync(Actor actor, Guid documentId, IReadOnlyList<string> access, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync(Dependency, actor, cancellationToken);
        var request = new SetDocumentAccessRequest { DocumentId = documentId.ToString() };
        request.Access.AddRange(access);
        await RpcFailures.CallAsync(Dependency, () => retrieval.SetDocumentAccessAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }

    public async Task DeleteDocumentAsync(Actor actor, Guid documentId, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync(Dependency, actor, cancellationToken);
        var request = new DeleteDocumentRequest { DocumentId = documentId.ToString() };
        await RpcFailures.CallAsync(Dependency, () => retrieval.DeleteDocumentAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
    }
}
