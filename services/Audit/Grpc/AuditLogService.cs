using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Audit.Domain;
using SecureRag.Audit.Infrastructure;
using SecureRag.Contracts.Audit;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Audit.Grpc;

/// <summary>The audit trail over gRPC. The tenant always comes from the verified caller, never from the request.</summary>
public sealed class AuditLogService(
    AuditRecords records,
    ChainVerifier verifier,
    RetentionPurger purger,
    TimeProvider time,
    IOptions<AuditOptions> options) : AuditLog.AuditLogBase
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1_000;

    public override async Task<QueryAuditResponse> Query(QueryAuditRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.ReadAudit);
        var pageSize = request.PageSize == 0 ? DefaultPageSize : request.PageSize;
        if (pageSize is < 1 or > MaxPageSize)
        {
            throw AuditErrors.InvalidArgument($"page_size must be between 1 and {MaxPageSize}.");
        }

        var page = await records.QueryAsync(
            caller.TenantId, AuditMapping.ToDomain(request.Filter), QueryCursor.Decode(request.Cursor), pageSize, context.CancellationToken);
        return new QueryAuditResponse
        {
            Records = { page.Records.Select(AuditMapping.ToContract) },
            NextCursor = QueryCursor.Encode(page.NextBefore),
        };
    }

    public override async Task Export(ExportAuditRequest request, IServerStreamWriter<Contracts.Audit.AuditRecord> responseStream, ServerCallContext context)
    {
        var caller = context.Require(Permission.ReadAudit);
        await foreach (var record in records.ExportAsync(caller.TenantId, AuditMapping.ToDomain(request.Filter), context.CancellationToken))
        {
            await responseStream.WriteAsync(AuditMapping.ToContract(record));
        }
    }

    /// <summary>The chain is one for the platform; the answer names sequences and a fault kind, never content.</summary>
    public override async Task<VerifyAuditResponse> Verify(VerifyAuditRequest request, ServerCallContext context)
    {
        context.Require(Permission.ReadAudit);
        return AuditMapping.ToContract(await verifier.VerifyAsync(context.CancellationToken));
    }

    public override async Task<PurgeAuditResponse> Purge(PurgeAuditRequest request, ServerCallContext context)
    {
        var caller = context.Require(Permission.PurgeAudit);
        var cutoff = time.GetUtcNow() - options.Value.Retention.For(caller.TenantId);
        var requester = new PurgeRequester(ActorKind(caller.Kind), caller.PrincipalId, caller.OnBehalfOf, caller.AppId);
        var result = await purger.PurgeAsync(caller.TenantId, cutoff, requester, context.CancellationToken);
        return new PurgeAuditResponse { Removed = result.Removed, PurgeSequence = result.PurgeSequence };
    }

    private static string ActorKind(PrincipalKind kind) => kind switch
    {
        PrincipalKind.User => "user",
        PrincipalKind.ApiKey => "apikey",
        _ => "service",
    };
}
