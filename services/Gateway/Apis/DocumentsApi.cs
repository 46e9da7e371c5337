using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Contracts.Ingestion;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// Documents and ingestion jobs. Uploading needs the editor role for the knowledge base (checked here before the body
/// is read); the other calls are decided by Ingestion for the document's knowledge base (editor, approver), so they
/// only need an authenticated caller here. Approval, rejection, access changes and deletion answer after the search
/// index has applied them.
/// </summary>
public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder endpoints)
    {
        var kbs = endpoints.MapGroup("/v1/knowledge-bases/{id}/documents").WithTags("Documents");
        kbs.MapPost("/", DocumentUpload.UploadAsync).WithName("UploadDocument")
            .WithSummary("Uploads a file (multipart/form-data; fields before the file part) and answers 202 with the ingestion job's URL.")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery()
            .RequireKnowledgeBasePermission(Permission.Ingest);
        kbs.MapGet("/", ListAsync).WithName("ListDocuments").RequirePermission(Permission.Identify);

        var documents = endpoints.MapGroup("/v1/documents").WithTags("Documents").RequirePermission(Permission.Identify);
        documents.MapGet("/{id}", GetAsync).WithName("GetDocument");
        documents.MapDelete("/{id}", DeleteAsync).WithName("DeleteDocument").WithSummary("Removes the document from search, then from storage.");
        documents.MapPost("/{id}/approve", ApproveAsync).WithName("ApproveDocument");
        documents.MapPost("/{id}/reject", RejectAsync).WithName("RejectDocument").WithSummary("Rejects a version; the approved one stays searchable.");
        documents.MapPut("/{id}/access", SetAccessAsync).WithName("SetDocumentAccess");

        var jobs = endpoints.MapGroup("/v1/ingestion-jobs").WithTags("Documents");
        jobs.MapGet("/{id}", GetJobAsync).WithName("GetIngestionJob").WithSummary("State, progress (chunks done of total) and failure reason.")
            .RequirePermission(Permission.Identify);
        jobs.MapPost("/{id}/requeue", RequeueAsync).WithName("RequeueIngestionJob").WithSummary("Runs a failed or stuck job again (admins).")
            .RequirePermission(Permission.ManagePolicies);
        return endpoints;
    }

    private static Task<Results<Ok<Page<DocumentDto>>, ProblemHttpResult>> ListAsync(
        string id, HttpContext context, IngestionService.IngestionServiceClient ingestion, int? pageSize, string? pageToken, bool? stale, bool? pending) =>
        RpcCall.Try(async () =>
        {
            var page = await ingestion.ListDocumentsAsync(new ListDocumentsRequest
            {
                KnowledgeBaseId = id,
                PageSize = pageSize ?? 0,
                PageToken = pageToken ?? "",
                StaleOnly = stale ?? false,
                PendingOnly = pending ?? false,
            }, context.For("ingestion"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<DocumentDto>([.. page.Documents.Select(d => d.ToDto())], page.NextPageToken.NullIfEmpty()));
        });

    private static Task<Results<Ok<DocumentDto>, ProblemHttpResult>> GetAsync(string id, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await ingestion.GetDocumentAsync(new GetDocumentRequest { Id = id }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string id, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () =>
        {
            await ingestion.DeleteDocumentAsync(new DeleteDocumentRequest { Id = id }, context.For("ingestion"), cancellationToken: context.RequestAborted);
            return TypedResults.NoContent();
        });

    private static Task<Results<Ok<DocumentDto>, ProblemHttpResult>> ApproveAsync(
        string id, DecisionRequest? request, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok((await ingestion.ApproveDocumentAsync(
            Decision(id, request), context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<DocumentDto>, ProblemHttpResult>> RejectAsync(
        string id, DecisionRequest? request, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok((await ingestion.RejectDocumentAsync(
            Decision(id, request), context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<DocumentDto>, ProblemHttpResult>> SetAccessAsync(
        string id, AccessListRequest request, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok((await ingestion.SetDocumentAccessAsync(
            new SetDocumentAccessRequest { Id = id, Access = { request.Access ?? [] } }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<IngestionJobDto>, ProblemHttpResult>> GetJobAsync(string id, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await ingestion.GetJobAsync(new GetJobRequest { Id = id }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<IngestionJobDto>, ProblemHttpResult>> RequeueAsync(string id, HttpContext context, IngestionService.IngestionServiceClient ingestion) =>
        RpcCall.Try(async () => TypedResults.Ok(
            (await ingestion.RequeueJobAsync(new RequeueJobRequest { Id = id }, context.For("ingestion"), cancellationToken: context.RequestAborted)).ToDto()));

    private static DecideDocumentRequest Decision(string id, DecisionRequest? request) =>
        new() { Id = id, Version = request?.Version ?? 0, Reason = request?.Reason ?? "" };
}
