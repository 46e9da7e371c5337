using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Infrastructure;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Retrieval.Grpc;

/// <summary>
/// The write side of the index, for the Ingestion service only (service assertion). Every call has committed when it
/// answers, so the very next search sees it.
/// </summary>
public sealed class RetrievalIndexGrpcService(
    KnowledgeBaseStore knowledgeBases,
    DocumentStore documents,
    DocumentIndexWriter writer,
    IOptions<RetrievalOptions> options,
    ILogger<RetrievalIndexGrpcService> logger) : RetrievalIndex.RetrievalIndexBase
{
    public const string WriterService = "ingestion";

    public override Task<PutKnowledgeBaseResponse> PutKnowledgeBase(PutKnowledgeBaseRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var created = await knowledgeBases.PutAsync(caller.TenantId, IndexRequestReader.KnowledgeBase(request), context.CancellationToken);
            return new PutKnowledgeBaseResponse { Created = created };
        });

    public override Task<DeleteKnowledgeBaseResponse> DeleteKnowledgeBase(DeleteKnowledgeBaseRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var removed = await knowledgeBases.DeleteAsync(
                caller.TenantId, IndexRequestReader.Id(request.KnowledgeBaseId, "knowledge_base_id"), context.CancellationToken);
            return new DeleteKnowledgeBaseResponse { Deleted = removed is not null, DocumentsRemoved = removed ?? 0 };
        });

    public override Task<IndexDocumentResponse> IndexDocument(IAsyncStreamReader<IndexDocumentPart> requestStream, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var settings = options.Value;
            IndexDocumentHeader? header = null;
            var chunks = new List<IndexedChunk>();
            await foreach (var part in requestStream.ReadAllAsync(context.CancellationToken))
            {
                if (part.PartCase == IndexDocumentPart.PartOneofCase.Header)
                {
                    header = header is null ? part.Header : throw RpcErrors.InvalidArgument("The stream carries a second header.");
                    continue;
                }

                if (header is null)
                {
                    throw RpcErrors.InvalidArgument("The first message of the stream must be the header.");
                }

                chunks.AddRange(part.Chunks?.Chunks ?? []);
                if (chunks.Count > settings.MaxChunksPerDocument)
                {
                    throw RpcErrors.InvalidArgument($"A document may have at most {settings.MaxChunksPerDocument} chunks.");
                }
            }

            var input = IndexRequestReader.Document(
                header ?? throw RpcErrors.InvalidArgument("The stream carried no header."), chunks, settings);
            var outcome = await writer.IndexAsync(caller.TenantId, input, context.CancellationToken);
            logger.LogInformation(
                "Indexed document {DocumentId} version {Version} for {OnBehalfOf}: {Chunks} chunks, searchable {Searchable}, already indexed {AlreadyIndexed}",
                input.DocumentId, input.Version, caller.OnBehalfOf, outcome.ChunksIndexed, outcome.Searchable, outcome.AlreadyIndexed);
            return new IndexDocumentResponse
            {
                AlreadyIndexed = outcome.AlreadyIndexed,
                ChunksIndexed = outcome.ChunksIndexed,
                Searchable = outcome.Searchable,
            };
        });

    public override Task<SetApprovalResponse> SetApproval(SetApprovalRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            if (request.Decision is not (ApprovalState.Approved or ApprovalState.Rejected))
            {
                throw RpcErrors.InvalidArgument("decision must be APPROVED or REJECTED.");
            }

            var (changed, searchable) = await documents.SetApprovalAsync(
                caller.TenantId, IndexRequestReader.Id(request.DocumentId, "document_id"), request.Version,
                request.Decision == ApprovalState.Approved, context.CancellationToken);
            logger.LogInformation("Document {DocumentId} version {Version} {Decision} by {OnBehalfOf}",
                request.DocumentId, request.Version, request.Decision, caller.OnBehalfOf);
            return new SetApprovalResponse { Changed = changed, SearchableVersion = searchable };
        });

    public override Task<SetDocumentAccessResponse> SetDocumentAccess(SetDocumentAccessRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var changed = await documents.SetAccessAsync(
                caller.TenantId, IndexRequestReader.Id(request.DocumentId, "document_id"),
                IndexRequestReader.Access(request.Access, "access"), context.CancellationToken);
            return new SetDocumentAccessResponse { Changed = changed };
        });

    public override Task<UpdateDocumentMetadataResponse> UpdateDocumentMetadata(UpdateDocumentMetadataRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            await documents.UpdateMetadataAsync(
                caller.TenantId, IndexRequestReader.Id(request.DocumentId, "document_id"),
                IndexRequestReader.Metadata(request.Metadata), context.CancellationToken);
            return new UpdateDocumentMetadataResponse();
        });

    public override Task<DeleteDocumentResponse> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var removed = await documents.DeleteAsync(
                caller.TenantId, IndexRequestReader.Id(request.DocumentId, "document_id"), context.CancellationToken);
            return new DeleteDocumentResponse { Deleted = removed is not null, ChunksRemoved = removed ?? 0 };
        });

    public override Task<DocumentStatus> GetDocumentStatus(GetDocumentStatusRequest request, ServerCallContext context) =>
        IndexErrors.MapAsync(async () =>
        {
            var caller = context.RequireService(WriterService);
            var status = await documents.GetStatusAsync(
                caller.TenantId, IndexRequestReader.Id(request.DocumentId, "document_id"), context.CancellationToken)
                ?? throw RpcErrors.NotFound($"Document '{request.DocumentId}' is not in the index.");
            return DocumentStatusMapper.ToProto(status);
        });
}
