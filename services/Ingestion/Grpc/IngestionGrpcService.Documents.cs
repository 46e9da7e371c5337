using System.Globalization;
using Dapper;
using Grpc.Core;
using SecureRag.Contracts.Events;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.KnowledgeBases;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.Ingestion.Infrastructure.Jobs;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

public sealed partial class IngestionGrpcService
{
    public override async Task<Document> GetDocument(GetDocumentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var document = await ReadableDocumentAsync(caller, request.Id, context.CancellationToken);
        return document.ToProto(await documents.VersionsAsync(document.Id, context.CancellationToken));
    }

    public override async Task<ListDocumentsResponse> ListDocuments(ListDocumentsRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var knowledgeBaseId = ParseId(request.KnowledgeBaseId, "knowledge_base_id");
        _ = await knowledgeBases.GetAsync(caller.TenantId, knowledgeBaseId, context.CancellationToken) ?? throw IngestionErrors.NotFound("The knowledge base");
        IngestionAuthorization.Require(IngestionAuthorization.CanReadDocuments(caller, knowledgeBaseId), "read this knowledge base's documents");
        var size = PageSize(request.PageSize);
        var rows = await documents.ListAsync(caller.TenantId, knowledgeBaseId, ParseCursor(request.PageToken), size, request.StaleOnly, request.PendingOnly, context.CancellationToken);
        var response = new ListDocumentsResponse
        {
            NextPageToken = rows.Count == size ? $"{rows[^1].CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture)}_{rows[^1].Id}" : "",
        };
        var versions = await documents.VersionsAsync([.. rows.Select(r => r.Id)], context.CancellationToken);
        response.Documents.AddRange(rows.Select(row => row.ToProto(versions[row.Id])));

        return response;
    }

    public override async Task<DeleteDocumentResponse> DeleteDocument(DeleteDocumentRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var existing = await ReadableDocumentAsync(caller, request.Id, context.CancellationToken);
        IngestionAuthorization.Require(IngestionAuthorization.CanEdit(caller, existing.KnowledgeBaseId), "delete this document");
        await Downstream.TryAsync(() => database.InTransactionAsync(async (session, ct) =>
        {
            var document = await documents.LockAsync(session, caller.TenantId, existing.Id, ct) ?? throw IngestionErrors.NotFound("The document");
            // Out of the index first: the call answers only once search can no longer return it.
            await index.DeleteDocumentAsync(ActorOf(caller), document.Id, ct);
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE ingestion_jobs SET state = 'cancelled', failure_reason = 'The document was deleted.', updated_at = now()
                WHERE document_id = @Id AND state <> 'completed';
                DELETE FROM documents WHERE id = @Id;
                """, new { document.Id }, session.Transaction, cancellationToken: ct));
            await AuditAsync(session, caller, context, "document.deleted", document.Id.ToString(),
                new Dictionary<string, string> { ["knowledge_base_id"] = document.KnowledgeBaseId.ToString(), ["title"] = document.Title }, ct);
            await outbox.EnqueueAsync(session, new DocumentDeleted(caller.TenantId, document.KnowledgeBaseId.ToString(), document.Id.ToString(), caller.PrincipalId),
                document.Id.ToString(), ct);
            return true;
        }, context.CancellationToken));
        return new DeleteDocumentResponse { Deleted = true };
    }

    public override Task<Document> ApproveDocument(DecideDocumentRequest request, ServerCallContext context) => DecideAsync(request, context, approve: true);

    public override Task<Document> RejectDocument(DecideDocumentRequest request, ServerCallContext context) => DecideAsync(request, context, approve: false);

    public override async Task<Document> SetDocumentAccess(SetDocumentAccessRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var existing = await ReadableDocumentAsync(caller, request.Id, context.CancellationToken);
        IngestionAuthorization.Require(IngestionAuthorization.CanEdit(caller, existing.KnowledgeBaseId), "change this document's access");
        var access = ValidAccess(request.Access);
        var knowledgeBase = (await knowledgeBases.GetAsync(caller.TenantId, existing.KnowledgeBaseId, context.CancellationToken))!;
        var wider = AccessEntries.Wider(access, knowledgeBase.Access);
        if (wider.Count > 0)
        {
            throw IngestionErrors.Invalid("access", $"'{wider[0]}' is not in the knowledge base's access list; a document's list may only narrow it.");
        }

        await Downstream.TryAsync(() => database.InTransactionAsync(async (session, ct) =>
        {
            var document = await documents.LockAsync(session, caller.TenantId, existing.Id, ct) ?? throw IngestionErrors.NotFound("The document");
            var indexed = await session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM document_versions WHERE document_id = @Id AND indexed_at IS NOT NULL)",
                new { document.Id }, session.Transaction, cancellationToken: ct));
            if (indexed)
            {
                await index.SetDocumentAccessAsync(ActorOf(caller), document.Id, IndexHeaders.EffectiveAccess(access), ct);
            }

            await session.Connection.ExecuteAsync(new CommandDefinition(
                "UPDATE documents SET access = @Access, updated_at = @Now WHERE id = @Id",
                new { document.Id, Access = access.ToArray(), Now = time.GetUtcNow() }, session.Transaction, cancellationToken: ct));
            await AuditAsync(session, caller, context, "document.access_changed", document.Id.ToString(),
                new Dictionary<string, string> { ["access"] = string.Join(' ', access), ["previous"] = string.Join(' ', document.Access) }, ct);
            return true;
        }, context.CancellationToken));
        return (await documents.GetAsync(caller.TenantId, existing.Id, context.CancellationToken))!.ToProto(await documents.VersionsAsync(existing.Id, context.CancellationToken));
    }

    private async Task<DocumentRow> ReadableDocumentAsync(CallerPrincipal caller, string idValue, CancellationToken cancellationToken)
    {
        var id = ParseId(idValue, "id");
        var document = await documents.GetAsync(caller.TenantId, id, cancellationToken) ?? throw IngestionErrors.NotFound("The document");
        IngestionAuthorization.Require(IngestionAuthorization.CanReadDocuments(caller, document.KnowledgeBaseId), "read this document");
        return document;
    }

    private static (DateTime, Guid)? ParseCursor(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }

        var parts = token.Split('_');
        return parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out var ticks) && Guid.TryParse(parts[1], out var id)
            ? (new DateTime(ticks, DateTimeKind.Utc), id)
            : throw IngestionErrors.Invalid("page_token", "is not a token this service issued.");
    }
}
