using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Events;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.Ingestion.Infrastructure.Downstream;
using SecureRag.ServiceDefaults.Auditing;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

/// <summary>
/// Knowledge bases, documents and jobs (ingestion.proto). The tenant is the caller's; other tenants' ids are not
/// found. Changes that search must see are written through to the Retrieval index inside the same database
/// transaction, so the call answers only after both have committed (and an unavailable index changes nothing).
/// </summary>
public sealed partial class IngestionGrpcService(
    KnowledgeBaseStore knowledgeBases,
    DocumentStore documents,
    JobStore jobs,
    DocumentReader reader,
    ISearchIndex index,
    ServiceDatabase database,
    AuditTrail audit,
    Outbox outbox,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<IngestionGrpcService> logger) : IngestionService.IngestionServiceBase
{
    private const int MaxPageSize = 100;

    private static Actor ActorOf(CallerPrincipal caller) => new(caller.TenantId, caller.PrincipalId);

    private static Guid ParseId(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw IngestionErrors.Invalid(field, "must be an id.");

    private static int PageSize(int requested) => requested <= 0 ? 50 : Math.Min(requested, MaxPageSize);

    private Task AuditAsync(DbSession session, CallerPrincipal caller, ServerCallContext context, string action, string target, IReadOnlyDictionary<string, string>? details, CancellationToken cancellationToken) =>
        audit.RaiseAsync(session, new AuditEventRaised
        {
            TenantId = caller.TenantId,
            Actor = new AuditActor(caller.Kind switch { PrincipalKind.ApiKey => "apikey", PrincipalKind.Service => "service", _ => "user" }, caller.PrincipalId, caller.OnBehalfOf),
            Action = action,
            Target = target,
            Outcome = "success",
            AppId = caller.AppId,
            ClientAddress = context.RequestHeaders.GetValue("x-client-address"),
            OccurredAt = time.GetUtcNow(),
            Details = details ?? new Dictionary<string, string>(),
        }, cancellationToken);
}
