using Dapper;
using SecureRag.Contracts.Events;
using SecureRag.ServiceDefaults.Data;
using SecureRag.ServiceDefaults.Messaging;

namespace SecureRag.Ingestion.Infrastructure;

/// <summary>Ingestion jobs: their state, progress and failure, and the commands that run them again.</summary>
public sealed class JobStore(ServiceDatabase database, Outbox outbox, TimeProvider time)
{
    public async Task<JobRow?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<JobRow>(new CommandDefinition(
            "SELECT * FROM ingestion_jobs WHERE id = @Id", new { Id = id }, cancellationToken: cancellationToken));
    }

    public async Task<JobRow?> GetAsync(string tenantId, Guid id, CancellationToken cancellationToken)
    {
        var job = await GetAsync(id, cancellationToken);
        return job?.TenantId == tenantId ? job : null;
    }

    /// <returns>The lease, or null when another live worker holds the job.</returns>
    public async Task<JobLease?> TryLeaseAsync(Guid id, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken);
        var key = JobLease.KeyOf(id);
        var locked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_lock(@Key)", new { Key = key }, cancellationToken: cancellationToken));
        if (locked)
        {
            return new JobLease(connection, key);
        }

        await connection.DisposeAsync();
        return null;
    }

    public async Task<JobRow> StartAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleAsync<JobRow>(new CommandDefinition(
            """
            UPDATE ingestion_jobs SET state = 'running', attempts = attempts + 1, next_attempt_at = NULL, failure_code = NULL,
                failure_reason = NULL, failed_message_id = NULL, updated_at = @Now
            WHERE id = @Id RETURNING *
            """, new { Id = id, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public async Task ProgressAsync(Guid id, string stage, int? total, int done, int quarantined, int flagged, bool? chunked, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingestion_jobs SET stage = @Stage, chunks_total = coalesce(@Total, chunks_total), chunks_done = @Done,
                chunks_quarantined = @Quarantined, chunks_flagged = @Flagged, chunked = coalesce(@Chunked, chunked), updated_at = @Now
            WHERE id = @Id
            """,
            new { Id = id, Stage = stage, Total = total, Done = done, Quarantined = quarantined, Flagged = flagged, Chunked = chunked, Now = time.GetUtcNow() },
            cancellationToken: cancellationToken));
    }

    public Task ProgressAsync(DbSession session, Guid id, string stage, int? total, bool chunked, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ingestion_jobs SET stage = @Stage, chunks_total = coalesce(@Total, chunks_total), chunked = @Chunked, updated_at = @Now WHERE id = @Id",
            new { Id = id, Stage = stage, Total = total, Chunked = chunked, Now = time.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>A dependency is down: the job waits, saying why, until <paramref name="nextAttempt"/>.</summary>
    public async Task WaitAsync(Guid id, string reason, DateTimeOffset nextAttempt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ingestion_jobs SET state = 'waiting', failure_reason = @Reason, next_attempt_at = @Next, updated_at = @Now WHERE id = @Id",
            new { Id = id, Reason = reason, Next = nextAttempt, Now = time.GetUtcNow() }, cancellationToken: cancellationToken));
    }

    public Task FailAsync(JobRow job, string code, string reason, Guid? messageId, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            await session.Connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE ingestion_jobs SET state = 'failed', failure_code = @Code, failure_reason = @Reason, failed_message_id = @MessageId,
                    next_attempt_at = NULL, updated_at = @Now
                WHERE id = @Id
                """, new { job.Id, Code = code, Reason = reason, MessageId = messageId, Now = time.GetUtcNow() }, session.Transaction, cancellationToken: ct));
            await outbox.EnqueueAsync(session, new DocumentIngestionFailed(
                job.TenantId, job.KnowledgeBaseId.ToString(), job.DocumentId.ToString(), job.Version, job.Id.ToString(), code, reason), job.DocumentId.ToString(), ct);
        }, cancellationToken);

    public Task CancelAsync(DbSession session, Guid id, string reason, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ingestion_jobs SET state = 'cancelled', failure_reason = @Reason, next_attempt_at = NULL, updated_at = @Now WHERE id = @Id",
            new { Id = id, Reason = reason, Now = time.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));

    public async Task CancelAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        await database.InTransactionAsync((session, ct) => CancelAsync(session, id, reason, ct), cancellationToken);

    public Task CompleteAsync(DbSession session, Guid id, int done, int quarantined, int flagged, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingestion_jobs SET state = 'completed', stage = 'done', chunks_done = @Done, chunks_quarantined = @Quarantined,
                chunks_flagged = @Flagged, failure_code = NULL, failure_reason = NULL, next_attempt_at = NULL, updated_at = @Now, completed_at = @Now
            WHERE id = @Id
            """, new { Id = id, Done = done, Quarantined = quarantined, Flagged = flagged, Now = time.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));

    /// <summary>Puts the job back on the queue with a new command, in the caller's transaction.</summary>
    public async Task RequeueAsync(DbSession session, JobRow job, string requestedBy, CancellationToken cancellationToken)
    {
        await session.Connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE ingestion_jobs SET state = 'queued', failure_code = NULL, failure_reason = NULL, failed_message_id = NULL,
                next_attempt_at = NULL, updated_at = @Now
            WHERE id = @Id
            """, new { job.Id, Now = time.GetUtcNow() }, session.Transaction, cancellationToken: cancellationToken));
        await outbox.EnqueueAsync(session, new IndexDocument(job.TenantId, job.Id.ToString(), job.Attempts, requestedBy), job.DocumentId.ToString(), cancellationToken);
    }

    /// <summary>Waiting jobs whose retry is due, and jobs that look stuck, put back on the queue (each once, by one replica).</summary>
    public Task<int> RequeueDueAsync(TimeSpan stuckAfter, int limit, CancellationToken cancellationToken) =>
        database.InTransactionAsync(async (session, ct) =>
        {
            var now = time.GetUtcNow();
            var due = (await session.Connection.QueryAsync<JobRow>(new CommandDefinition(
                """
                SELECT * FROM ingestion_jobs
                WHERE (state = 'waiting' AND next_attempt_at <= @Now)
                   OR (state IN ('queued', 'running') AND updated_at < @StuckBefore)
                ORDER BY updated_at LIMIT @Limit FOR UPDATE SKIP LOCKED
                """, new { Now = now, StuckBefore = now - stuckAfter, Limit = limit }, session.Transaction, cancellationToken: ct))).ToList();
            var requeued = 0;
            foreach (var job in due)
            {
                // A live worker holds its job's lease: a job that is only slow is left alone.
                var free = job.State == JobStates.Waiting || await session.Connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                    "SELECT pg_try_advisory_xact_lock(@Key)", new { Key = JobLease.KeyOf(job.Id) }, session.Transaction, cancellationToken: ct));
                if (free)
                {
                    await RequeueAsync(session, job, "scheduler", ct);
                    requeued++;
                }
            }

            return requeued;
        }, cancellationToken);
}
