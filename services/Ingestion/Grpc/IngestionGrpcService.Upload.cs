using Grpc.Core;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.KnowledgeBases;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

public sealed partial class IngestionGrpcService
{
    public override async Task<UploadDocumentResponse> UploadDocument(IAsyncStreamReader<UploadDocumentRequest> requestStream, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var cancellationToken = context.CancellationToken;
        if (!await requestStream.MoveNext(cancellationToken) || requestStream.Current.PartCase != UploadDocumentRequest.PartOneofCase.Metadata)
        {
            throw IngestionErrors.Invalid("metadata", "the first message must carry the metadata.");
        }

        var metadata = requestStream.Current.Metadata;
        var knowledgeBaseId = ParseId(metadata.KnowledgeBaseId, "knowledge_base_id");
        var knowledgeBase = await knowledgeBases.GetAsync(caller.TenantId, knowledgeBaseId, cancellationToken) ?? throw IngestionErrors.NotFound("The knowledge base");
        IngestionAuthorization.Require(IngestionAuthorization.CanEdit(caller, knowledgeBaseId), "upload to this knowledge base");
        Guid? documentId = metadata.DocumentId.Length == 0 ? null : ParseId(metadata.DocumentId, "document_id");
        var fileName = Path.GetFileName(metadata.FileName.Trim());
        if (fileName.Length is 0 or > 255)
        {
            throw IngestionErrors.Invalid("file_name", "must be 1 to 255 characters.");
        }

        var access = ValidAccess(metadata.Access);
        var wider = AccessEntries.Wider(access, knowledgeBase.Access);
        if (wider.Count > 0)
        {
            throw IngestionErrors.Invalid("access", $"'{wider[0]}' is not in the knowledge base's access list; a document's list may only narrow it.");
        }

        if (metadata.Tags.Count > 50 || metadata.Tags.Any(t => t.Length is 0 or > 100))
        {
            throw IngestionErrors.Invalid("tags", "at most 50 tags of 1 to 100 characters.");
        }

        var limits = options.Value.Limits;
        try
        {
            if (metadata.DeclaredSize > limits.MaxDocumentBytes)
            {
                throw new DocumentRejectedException(RejectionCode.TooLarge, $"The file is larger than {limits.MaxDocumentBytes} bytes.");
            }

            await using var spool = await UploadSpool.ReceiveAsync(requestStream, limits.MaxDocumentBytes, options.Value.SpoolDirectory, cancellationToken);
            var format = await Task.Run(() => reader.Validate(spool.File, fileName, metadata.ContentType, limits, cancellationToken), cancellationToken);
            var stored = await documents.StoreAsync(new NewVersion(
                caller.TenantId,
                knowledgeBase,
                documentId,
                fileName,
                Limit(metadata.ContentType, 200, "content_type"),
                format.Name(),
                spool.Length,
                spool.ContentHash,
                NullIfEmpty(Limit(metadata.Title, 500, "title")),
                NullIfEmpty(Limit(metadata.Source, 2000, "source")),
                metadata.Tags.Count == 0 ? null : [.. metadata.Tags],
                NullIfEmpty(Limit(metadata.Author, 200, "author")),
                metadata.EffectiveDate?.ToDateTime(),
                access.Count == 0 ? null : access,
                caller.PrincipalId), spool.File, cancellationToken) ?? throw IngestionErrors.NotFound("The document");
            logger.LogInformation(
                "Stored version {Version} of document {DocumentId} ({Format}, {Bytes} bytes) with job {JobId}{Duplicate}",
                stored.Version, stored.DocumentId, format.Name(), spool.Length, stored.JobId, stored.Duplicate ? " (duplicate content: nothing stored)" : "");
            var job = await jobs.GetAsync(stored.JobId, cancellationToken);
            return new UploadDocumentResponse
            {
                DocumentId = stored.DocumentId.ToString(),
                Version = stored.Version,
                JobId = stored.JobId.ToString(),
                Duplicate = stored.Duplicate,
                Job = job?.ToProto(),
            };
        }
        catch (DocumentRejectedException ex)
        {
            logger.LogInformation("Refused an upload to {KnowledgeBaseId}: {Code} {Reason}", knowledgeBaseId, ex.Code.Code(), ex.Message);
            throw IngestionErrors.Rejected(ex);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
