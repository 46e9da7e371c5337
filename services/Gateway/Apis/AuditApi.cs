using System.Text.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Audit;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// The audit trail for a tenant's admins and owners. The Audit service scopes every call to the caller's tenant, so
/// nothing here can widen what a caller sees.
/// </summary>
public static class AuditApi
{
    public const string JsonLinesContentType = "application/jsonl";

    private static readonly ReadOnlyMemory<byte> NewLine = "\n"u8.ToArray();

    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder endpoints)
    {
        var audit = endpoints.MapGroup("/v1/audit").WithTags("Audit");
        audit.MapGet("/", QueryAsync).WithName("QueryAudit").RequirePermission(Permission.ReadAudit)
            .WithSummary("One page of the tenant's audit records, newest first.");
        audit.MapGet("/export", ExportAsync).WithName("ExportAudit").RequirePermission(Permission.ReadAudit)
            .WithSummary("Every matching record, oldest first, as JSON Lines.")
            .Produces(StatusCodes.Status200OK, contentType: JsonLinesContentType);
        audit.MapGet("/verify", VerifyAsync).WithName("VerifyAudit").RequirePermission(Permission.ReadAudit)
            .WithSummary("Recomputes the chain and reports the first broken, missing or reordered record.");
        audit.MapPost("/purge", PurgeAsync).WithName("PurgeAudit").RequirePermission(Permission.PurgeAudit)
            .WithSummary("Applies the tenant's retention now; the purge is itself recorded.");
        return endpoints;
    }

    private static Task<Results<Ok<Page<AuditRecordDto>>, ProblemHttpResult>> QueryAsync(
        [AsParameters] AuditQuery query, HttpContext context, AuditLog.AuditLogClient audit) =>
        RpcCall.Try(async () =>
        {
            var page = await audit.QueryAsync(new QueryAuditRequest
            {
                Filter = query.ToFilter(),
                PageSize = query.PageSize ?? 0,
                Cursor = query.PageToken ?? "",
            }, context.For("audit"), cancellationToken: context.RequestAborted);
            return TypedResults.Ok(new Page<AuditRecordDto>([.. page.Records.Select(r => r.ToDto())], page.NextCursor.NullIfEmpty()));
        });

    /// <summary>
    /// Streams as records arrive. A refusal is known only once the first record (or the end) is read, so the first
    /// read happens before the response starts and a refusal still becomes problem details.
    /// </summary>
    private static async Task<IResult> ExportAsync(
        [AsParameters] AuditFilterQuery filter, HttpContext context, AuditLog.AuditLogClient audit, IOptions<JsonOptions> json)
    {
        var call = audit.Export(new ExportAuditRequest { Filter = filter.ToFilter() }, context.For("audit"), cancellationToken: context.RequestAborted);
        bool any;
        try
        {
            any = await call.ResponseStream.MoveNext(context.RequestAborted);
        }
        catch (RpcException ex)
        {
            call.Dispose();
            return RpcProblems.From(ex);
        }

        return new JsonLinesResult(call, any, json.Value.SerializerOptions);
    }

    private static Task<Results<Ok<AuditVerificationDto>, ProblemHttpResult>> VerifyAsync(HttpContext context, AuditLog.AuditLogClient audit) =>
        RpcCall.Try(async () =>
            TypedResults.Ok((await audit.VerifyAsync(new VerifyAuditRequest(), context.For("audit"), cancellationToken: context.RequestAborted)).ToDto()));

    private static Task<Results<Ok<AuditPurgeDto>, ProblemHttpResult>> PurgeAsync(HttpContext context, AuditLog.AuditLogClient audit) =>
        RpcCall.Try(async () =>
            TypedResults.Ok((await audit.PurgeAsync(new PurgeAuditRequest(), context.For("audit"), cancellationToken: context.RequestAborted)).ToDto()));

    private sealed class JsonLinesResult(AsyncServerStreamingCall<AuditRecord> call, bool any, JsonSerializerOptions options) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            using var _ = call;
            context.Response.ContentType = JsonLinesContentType;
            var body = context.Response.Body;
            for (var more = any; more; more = await call.ResponseStream.MoveNext(context.RequestAborted))
            {
                await JsonSerializer.SerializeAsync(body, call.ResponseStream.Current.ToDto(), options, context.RequestAborted);
                await body.WriteAsync(NewLine, context.RequestAborted);
            }
        }
    }
}

/// <summary>Filters of the audit trail; empty ones do not filter.</summary>
public record AuditFilterQuery(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? App, string? Action, string? Outcome, string? TraceId)
{
    public Contracts.Audit.AuditFilter ToFilter() => new()
    {
        From = From is { } from ? Timestamp.FromDateTimeOffset(from) : null,
        To = To is { } to ? Timestamp.FromDateTimeOffset(to) : null,
        ActorId = Actor ?? "",
        AppId = App ?? "",
        Action = Action ?? "",
        Outcome = Outcome ?? "",
        TraceId = TraceId ?? "",
    };
}

/// <summary>A page of the audit trail.</summary>
public sealed record AuditQuery(
    DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? App, string? Action, string? Outcome, string? TraceId,
    int? PageSize, string? PageToken)
    : AuditFilterQuery(From, To, Actor, App, Action, Outcome, TraceId);
