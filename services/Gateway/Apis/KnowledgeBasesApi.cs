using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Ingestion;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;
using CreateKnowledgeBaseRequest = SecureRag.Gateway.Apis.Dtos.CreateKnowledgeBaseRequest;
using UpdateKnowledgeBaseRequest = SecureRag.Gateway.Apis.Dtos.UpdateKnowledgeBaseRequest;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// Knowledge bases: owners and admins create and configure them; builders and the editors and approvers of a
/// knowledge base read it (Ingestion decides per knowledge base, so a list shows only what the caller may see).
/// </summary>
public static class KnowledgeBasesApi
{
    public static IEndpointRouteBuilder MapKnowledgeBasesApi(this IEndpointRouteBuilder endpoints)
    {
        var kbs = endpoints.MapGroup("/v1/knowledge-bases").WithTags("Knowledge bases");
        kbs.MapPost("/", CreateAsync).WithName("CreateKnowledgeBase").RequirePermission(Permission.ManagePolicies);
        kbs.MapGet("/", ListAsync).WithName("ListKnowledgeBases").RequirePermission(Permission.Identify);
        kbs.MapGet("/{id}", GetAsync).WithName("GetKnowledgeBase").RequirePermission(Permission.Identify);
        kbs.MapPatch("/{id}", UpdateAsync).WithName("UpdateKnowledgeBase")
            .WithSummary("Changes classification, approval mode, review date, stale exclusion or findings policy; search sees it at once.")
            .RequirePermission(Permission.ManagePolicies);
        kbs.MapPut("/{id}/access", SetAccessAsync).WithName("SetKnowledgeBaseAccess")
            .WithSummary("Replaces who may read the knowledge base; the next search applies it.").RequirePermission(Permission.ManagePolicies);
        return endpoints;
    }

    private static Task<Results<Created<KnowledgeBaseDto>, ProblemHttpResult>> CreateAsync(
        CreateKnowledgeBaseRequest request, HttpContext context, IngestionService.IngestionServiceClient ingestion)
    {
        if (!IngestionDtoMapping.TryParseEnum<Classification>(request.Classification, out var classification))
        {
            return Task.FromResult<Results<Created<KnowledgeBaseDto>, ProblemHttpResult>>(IngestionProblems.Invalid("classification", "must be internal, partner, customer or restricted."));
        }

        if (!IngestionDtoMapping.TryParseEnum<ApprovalMode>(request.ApprovalMode, out var approval)
            || !IngestionDtoMapping.TryParseEnum<FindingsPolicy>(request.FindingsPolicy, out var findings))
        {
            return Task.FromResult<Results<Created<KnowledgeBaseDto>, ProblemHttpResult>>(
                IngestionProblems.Invalid(approval == default && request.ApprovalMode is not null ? "approvalMode" : "findingsPolicy", "is not one of the allowed values."));
        }

        return RpcCall.Try(async () =>
        {
            var message = new Contracts.Ingestion.CreateKnowledgeBaseRequest
            {
                Name = request.Name ?? "",
                Description = request.Description ?? "",
                Classification = classification,
                Access = { request.Access ?? [] },
                ApprovalMode = approval,
                ReviewBefore = request.ReviewBefore is { } review ? Timestamp.FromDateTimeOffset(review) : null,
                ExcludeStale = request.ExcludeStale ?? false,
                FindingsPolicy = findings,
                EmbeddingModel = request.EmbeddingModel ?? "",
            };
            var kb = await ingestion.CreateKnowledgeBaseAsync(message, context.For("ingestion"), cancellationToken: context.RequestAborted);
            return TypedResults.Created($"/v1/knowledge-bases/{kb.Id}", kb.ToDto());
        });
    }

    private static Task<Results<Ok<Page<KnowledgeBaseDto>>, ProblemHttpResult>> ListAsync(
        HttpContext context, IngestionService.IngestionServiceClient ingestion, int? pageSize, string? pageToken) =>
        RpcCall.Try(async () =>
        {
            var page = await ingestion.ListKnowledgeBasesAsync(
                new ListKnowledgeBasesRequest { PageSize = pageSize ?? 0, PageToken = pageToken ?? "" }, context.For("ingestion"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<KnowledgeBaseDto>([.. page.KnowledgeBases.Select(k => k.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<KnowledgeBaseDto>, ProblemHttpResult>> GetAsync(string id, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await ingestion.GetKnowledgeBaseAsync(new GetKnowledgeBaseRequest { Id = id }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<KnowledgeBaseDto>, ProblemHttpResult>> UpdateAsync(
        string id, UpdateKnowledgeBaseRequest request, HttpContext context, IngestionService.IngestionServiceClient ingestion)
    {
        if (!IngestionDtoMapping.TryParseEnum<Classification>(request.Classification, out var classification)
            || !IngestionDtoMapping.TryParseEnum<ApprovalMode>(request.ApprovalMode, out var approval)
            || !IngestionDtoMapping.TryParseEnum<FindingsPolicy>(request.FindingsPolicy, out var findings))
        {
            return Task.FromResult<Results<Ok<KnowledgeBaseDto>, ProblemHttpResult>>(
                IngestionProblems.Invalid("body", "classification, approvalMode or findingsPolicy is not one of the allowed values."));
        }

        return RpcCall.Try(async () =>
        {
            var message = new Contracts.Ingestion.UpdateKnowledgeBaseRequest
            {
                Id = id,
                Classification = classification,
                ApprovalMode = approval,
                ReviewBefore = request.ReviewBefore is { } review ? Timestamp.FromDateTimeOffset(review) : null,
                ClearReviewBefore = request.ClearReviewBefore ?? false,
                FindingsPolicy = findings,
                ExpectedVersion = request.ExpectedVersion ?? 0,
            };
            if (request.Description is not null)
            {
                message.Description = request.Description;
            }

            if (request.ExcludeStale is { } exclude)
            {
                message.ExcludeStale = exclude;
            }

            return TypedResults.Ok((await ingestion.UpdateKnowledgeBaseAsync(message, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto());
        });
    }

    private static Task<Results<Ok<KnowledgeBaseDto>, ProblemHttpResult>> SetAccessAsync(
        string id, AccessListRequest request, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok((await ingestion.SetKnowledgeBaseAccessAsync(
            new SetKnowledgeBaseAccessRequest { Id = id, Access = { request.Access ?? [] } }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));
}
