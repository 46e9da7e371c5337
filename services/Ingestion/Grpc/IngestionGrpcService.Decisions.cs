using Dapper;
using Grpc.Core;
using SecureRag.Contracts.Events;
using SecureRag.Contracts.Ingestion;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

public sealed partial class IngestionGrpcService
{
    /// <summary>
    /// Approves or rejects a version under the document's lock. An indexed version is decided in the index first (the
    /// call answers after search sees it); a version still being ingested gets the decision when its job finishes,
    /// which reads it under the same lock.
    /// </summary>
    private async Task<Document> DecideAsync(DecideDocumentRequest request, ServerCallContext context, bool approve)
    {
        var caller = context.GetCaller();
        var existing = await ReadableDocumentAsync(caller, request.Id, context.CancellationToken);
        IngestionAuthorization.Require(IngestionAuthorization.CanApprove(caller, existing.KnowledgeBaseId), approve ? "approve documents here" : "reject documents here");
        var reason = Limit(request.Reason, 2000, "reason");
        await Downstream.TryAsync(() => database.InTransactionAsync(async (session, ct) =>
        {
            var document = await documents.LockAsync(session, caller.TenantId, existing.Id, ct) ?? throw IngestionErrors.NotFound("The document");
            var number = request.Version == 0 ? document.LatestVersion : request.Version;
            var version = await documents.LockVersionAsync(session, document.Id, number, ct) ?? throw IngestionErrors.NotFound($"Version {number}");
            var target = approve ? "approved" : "rejected";
            if (version.ApprovalState == target)
            {
                return false;
            }

            if (version.ApprovalState != "pending")
            {
                throw IngestionErrors.Conflict($"Version {number} is {version.ApprovalState}; only a pending version can be {target}.");
            }

            if (version.IndexedAt is not null && version.ChunkCount > 0)
            {
                await index.SetApprovalAsync(ActorOf(caller), document.Id, number, approve, ct);
            }

            var now = time.GetUtcNow();
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE document_versions SET approval_state = @Target, decided_by = @DecidedBy, decided_at = @Now, decision_reason = @Reason
                WHERE document_id = @DocumentId AND version = @Version;
                UPDATE document_versions SET approval_state = 'superseded'
                WHERE document_id = @DocumentId AND version < @Version AND approval_state = 'approved' AND @Searchable;
                UPDATE documents SET searchable_version = @Version, updated_at = @Now
                WHERE id = @DocumentId AND @Searchable AND searchable_version < @Version;
                """,
                new
                {
                    DocumentId = document.Id, Version = number, Target = target, DecidedBy = caller.PrincipalId, Now = now,
                    Reason = reason.Length == 0 ? null : reason, Searchable = approve && version.IndexedAt is not null && version.ChunkCount > 0,
                }, session.Transaction, cancellationToken: ct));
            await AuditAsync(session, caller, context, approve ? "document.approved" : "document.rejected", document.Id.ToString(),
                new Dictionary<string, string> { ["version"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = reason }, ct);
            IntegrationEvent decided = approve
                ? new DocumentApproved(caller.TenantId, document.KnowledgeBaseId.ToString(), document.Id.ToString(), number, caller.PrincipalId)
                : new DocumentRejected(caller.TenantId, document.KnowledgeBaseId.ToString(), document.Id.ToString(), number, caller.PrincipalId, reason.Length == 0 ? null : reason);
            await outbox.EnqueueAsync(session, decided, document.Id.ToString(), ct);
            return true;
        }, context.CancellationToken));
        return (await documents.GetAsync(caller.TenantId, existing.Id, context.CancellationToken))!.ToProto(await documents.VersionsAsync(existing.Id, context.CancellationToken));
    }
}
