using Grpc.Core;
using Npgsql;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.KnowledgeBases;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

public sealed partial class IngestionGrpcService
{
    public override async Task<KnowledgeBase> CreateKnowledgeBase(CreateKnowledgeBaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        IngestionAuthorization.Require(IngestionAuthorization.CanManage(caller), "create knowledge bases");
        var name = request.Name.Trim();
        if (name.Length is 0 or > 100)
        {
            throw IngestionErrors.Invalid("name", "must be 1 to 100 characters.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var row = new KnowledgeBaseRow
        {
            Id = Guid.CreateVersion7(),
            TenantId = caller.TenantId,
            Name = name,
            Description = Limit(request.Description, 2000, "description"),
            Classification = request.Classification.ToName() ?? throw IngestionErrors.Invalid("classification", "must be internal, partner, customer or restricted."),
            Access = [.. ValidAccess(request.Access)],
            ApprovalMode = request.ApprovalMode.ToName() ?? "required",
            ReviewBefore = request.ReviewBefore?.ToDateTime(),
            ExcludeStale = request.ExcludeStale,
            FindingsPolicy = request.FindingsPolicy.ToName() ?? "redact",
            EmbeddingModel = Limit(request.EmbeddingModel, 200, "embedding_model"),
            Version = 1,
            CreatedBy = caller.PrincipalId,
            CreatedAt = now,
            UpdatedAt = now,
        };

        await Downstream.TryAsync(() => database.InTransactionAsync(async (session, ct) =>
        {
            try
            {
                await knowledgeBases.InsertAsync(session, row, ct);
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                throw new RpcException(new Status(StatusCode.AlreadyExists, "name: a knowledge base of this name exists."));
            }

            await index.PutKnowledgeBaseAsync(ActorOf(caller), row, ct);
            await AuditAsync(session, caller, context, "knowledge_base.created", row.Id.ToString(),
                new Dictionary<string, string> { ["classification"] = row.Classification, ["access"] = string.Join(' ', row.Access) }, ct);
            return true;
        }, context.CancellationToken));
        return (await knowledgeBases.GetAsync(caller.TenantId, row.Id, context.CancellationToken))!.ToProto();
    }

    public override async Task<ListKnowledgeBasesResponse> ListKnowledgeBases(ListKnowledgeBasesRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var size = PageSize(request.PageSize);
        var after = request.PageToken.Length == 0 ? null : System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(request.PageToken));
        var rows = await knowledgeBases.ListAsync(caller.TenantId, after, size, context.CancellationToken);
        var response = new ListKnowledgeBasesResponse
        {
            NextPageToken = rows.Count == size ? Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(rows[^1].Name)) : "",
        };
        response.KnowledgeBases.AddRange(rows.Where(r => IngestionAuthorization.CanRead(caller, r.Id)).Select(r => r.ToProto()));
        return response;
    }

    public override async Task<KnowledgeBase> GetKnowledgeBase(GetKnowledgeBaseRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var id = ParseId(request.Id, "id");
        var row = await knowledgeBases.GetAsync(caller.TenantId, id, context.CancellationToken) ?? throw IngestionErrors.NotFound("The knowledge base");
        IngestionAuthorization.Require(IngestionAuthorization.CanRead(caller, id), "read this knowledge base");
        return row.ToProto();
    }

    public override Task<KnowledgeBase> UpdateKnowledgeBase(UpdateKnowledgeBaseRequest request, ServerCallContext context) =>
        ChangeKnowledgeBaseAsync(request.Id, context, "knowledge_base.updated", current =>
        {
            if (request.ExpectedVersion != 0 && request.ExpectedVersion != current.Version)
            {
                throw IngestionErrors.Stale(request.ExpectedVersion, current.Version);
            }

            return new KnowledgeBaseRow
            {
                Id = current.Id,
                TenantId = current.TenantId,
                Name = current.Name,
                Description = request.HasDescription ? Limit(request.Description, 2000, "description") : current.Description,
                Classification = request.Classification.ToName() ?? current.Classification,
                Access = current.Access,
                ApprovalMode = request.ApprovalMode.ToName() ?? current.ApprovalMode,
                ReviewBefore = request.ClearReviewBefore ? null : request.ReviewBefore?.ToDateTime() ?? current.ReviewBefore,
                ExcludeStale = request.HasExcludeStale ? request.ExcludeStale : current.ExcludeStale,
                FindingsPolicy = request.FindingsPolicy.ToName() ?? current.FindingsPolicy,
                EmbeddingModel = current.EmbeddingModel,
                EmbedderId = current.EmbedderId,
                Version = current.Version + 1,
                CreatedBy = current.CreatedBy,
                CreatedAt = current.CreatedAt,
                UpdatedAt = time.GetUtcNow().UtcDateTime,
            };
        });

    public override Task<KnowledgeBase> SetKnowledgeBaseAccess(SetKnowledgeBaseAccessRequest request, ServerCallContext context)
    {
        var access = ValidAccess(request.Access);
        return ChangeKnowledgeBaseAsync(request.Id, context, "knowledge_base.access_changed", current => new KnowledgeBaseRow
        {
            Id = current.Id,
            TenantId = current.TenantId,
            Name = current.Name,
            Description = current.Description,
            Classification = current.Classification,
            Access = [.. access],
            ApprovalMode = current.ApprovalMode,
            ReviewBefore = current.ReviewBefore,
            ExcludeStale = current.ExcludeStale,
            FindingsPolicy = current.FindingsPolicy,
            EmbeddingModel = current.EmbeddingModel,
            EmbedderId = current.EmbedderId,
            Version = current.Version + 1,
            CreatedBy = current.CreatedBy,
            CreatedAt = current.CreatedAt,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        });
    }

    /// <summary>Locks the row, applies <paramref name="change"/>, writes it through to the index and audits it, in one transaction.</summary>
    private async Task<KnowledgeBase> ChangeKnowledgeBaseAsync(string idValue, ServerCallContext context, string action, Func<KnowledgeBaseRow, KnowledgeBaseRow> change)
    {
        var caller = context.GetCaller();
        var id = ParseId(idValue, "id");
        IngestionAuthorization.Require(IngestionAuthorization.CanManage(caller), "change knowledge bases");
        await Downstream.TryAsync(() => database.InTransactionAsync(async (session, ct) =>
        {
            var current = await knowledgeBases.LockAsync(session, caller.TenantId, id, ct) ?? throw IngestionErrors.NotFound("The knowledge base");
            var changed = change(current);
            await knowledgeBases.UpdateAsync(session, changed, ct);
            await index.PutKnowledgeBaseAsync(ActorOf(caller), changed, ct);
            await AuditAsync(session, caller, context, action, id.ToString(), new Dictionary<string, string>
            {
                ["classification"] = changed.Classification,
                ["access"] = string.Join(' ', changed.Access),
                ["approval_mode"] = changed.ApprovalMode,
                ["exclude_stale"] = changed.ExcludeStale ? "true" : "false",
                ["findings_policy"] = changed.FindingsPolicy,
            }, ct);
            return true;
        }, context.CancellationToken));
        return (await knowledgeBases.GetAsync(caller.TenantId, id, context.CancellationToken))!.ToProto();
    }

    private static IReadOnlyList<string> ValidAccess(IEnumerable<string> entries)
    {
        var (valid, error) = AccessEntries.Validate(entries);
        return error is null ? valid : throw IngestionErrors.Invalid("access", error);
    }

    private static string Limit(string value, int max, string field) =>
        value.Length <= max ? value.Trim() : throw IngestionErrors.Invalid(field, $"must be at most {max} characters.");
}
