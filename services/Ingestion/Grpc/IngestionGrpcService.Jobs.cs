using Dapper;
using Grpc.Core;
using SecureRag.Contracts.Ingestion;
using SecureRag.Ingestion.Infrastructure;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Ingestion.Grpc;

public sealed partial class IngestionGrpcService
{
    public override async Task<IngestionJob> GetJob(GetJobRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        var job = await jobs.GetAsync(caller.TenantId, ParseId(request.Id, "id"), context.CancellationToken) ?? throw IngestionErrors.NotFound("The job");
        IngestionAuthorization.Require(IngestionAuthorization.CanReadDocuments(caller, job.KnowledgeBaseId) || caller.PrincipalId == job.RequestedBy, "read this job");
        return job.ToProto();
    }

    public override async Task<IngestionJob> RequeueJob(RequeueJobRequest request, ServerCallContext context)
    {
        var caller = context.GetCaller();
        IngestionAuthorization.Require(IngestionAuthorization.CanManage(caller), "re-queue jobs");
        var id = ParseId(request.Id, "id");
        await database.InTransactionAsync(async (session, ct) =>
        {
            var job = await session.Connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
                "SELECT * FROM ingestion_jobs WHERE id = @Id AND tenant_id = @TenantId FOR UPDATE",
                new { Id = id, caller.TenantId }, session.Transaction, cancellationToken: ct)) ?? throw IngestionErrors.NotFound("The job");
            if (job.State is JobStates.Completed or JobStates.Cancelled)
            {
                throw IngestionErrors.Conflict($"The job is {job.State}; only a failed, waiting or stuck job can be re-queued.");
            }

            await jobs.RequeueAsync(session, job, caller.PrincipalId, ct);
            await AuditAsync(session, caller, context, "ingestion_job.requeued", job.Id.ToString(),
                new Dictionary<string, string> { ["previous_state"] = job.State, ["failure_code"] = job.FailureCode ?? "" }, ct);
        }, context.CancellationToken);
        return (await jobs.GetAsync(id, context.CancellationToken))!.ToProto();
    }
}
