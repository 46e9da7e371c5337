using System.Globalization;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;
using SecureRag.Ingestion.Domain.Pipeline;
using SecureRag.Ingestion.Infrastructure.Downstream;

namespace SecureRag.Ingestion.Infrastructure.Jobs;

/// <summary>
/// Runs one ingestion job: parse and chunk the stored original (once; the chunks are staged), scan the chunks with
/// Guardrail and apply the knowledge base's findings policy (verdicts are kept, so a retry scans only what is left),
/// embed and stream the indexable chunks to Retrieval (written there in one transaction), then record the outcome
/// and the <c>DocumentIndexed</c> event in one transaction. Every step can run again safely: the job's lease keeps
/// two workers apart, a completed job is a no-op, and Retrieval treats the same version and content hash as indexed.
/// </summary>
public sealed class JobRunner(
    JobStore jobs,
    DocumentStore documents,
    KnowledgeBaseStore knowledgeBases,
    ChunkStore chunks,
    DocumentReader reader,
    StructureChunker chunker,
    IContextScanner scanner,
    JobIndexer indexer,
    SecureRag.ServiceDefaults.Data.ServiceDatabase database,
    IOptions<IngestionOptions> options,
    TimeProvider time,
    ILogger<JobRunner> logger)
{
    /// <param name="messageId">The message that asked for the run; a failed job refuses it again at once, so it reaches the error queue.</param>
    /// <exception cref="PoisonDocumentException">The job failed for good (recorded in the job first).</exception>
    public async Task<JobOutcome> RunAsync(Guid jobId, Guid? messageId, CancellationToken cancellationToken)
    {
        await using var lease = await jobs.TryLeaseAsync(jobId, cancellationToken);
        if (lease is null)
        {
            logger.LogInformation("Job {JobId} is held by another worker; message {MessageId} skipped", jobId, messageId);
            return JobOutcome.Skipped;
        }

        var job = await jobs.GetAsync(jobId, cancellationToken);
        if (job is null || job.State is JobStates.Completed or JobStates.Cancelled)
        {
            return JobOutcome.Skipped;
        }

        if (job.State == JobStates.Failed)
        {
            if (job.FailedMessageId is { } failed && failed == messageId)
            {
                throw new PoisonDocumentException(job.FailureCode ?? "job.failed", job.FailureReason ?? "The job failed.");
            }

            return JobOutcome.Skipped;
        }

        var knowledgeBase = await knowledgeBases.GetByIdAsync(job.KnowledgeBaseId, cancellationToken);
        var document = await documents.GetAsync(job.TenantId, job.DocumentId, cancellationToken);
        var version = document is null ? null : (await documents.VersionsAsync(document.Id, cancellationToken)).FirstOrDefault(v => v.Version == job.Version);
        if (knowledgeBase is null || document is null || version is null || version.ApprovalState == "rejected")
        {
            await jobs.CancelAsync(job.Id, version?.ApprovalState == "rejected" ? "The version was rejected before it was indexed." : "The document was deleted.", cancellationToken);
            return JobOutcome.Cancelled;
        }

        job = await jobs.StartAsync(job.Id, cancellationToken);
        var actor = new Actor(job.TenantId, job.RequestedBy);
        try
        {
            if (!job.Chunked)
            {
                await ChunkAsync(job, version, cancellationToken);
            }

            await ScanAsync(job, knowledgeBase, actor, cancellationToken);
            return await indexer.IndexAsync(job, knowledgeBase, document, version, actor, cancellationToken);
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested && ex is not OperationCanceledException)
        {
            // The consumer was stopped (the broker connection dropped, or the service is shutting down), and a call in
            // flight failed because of it (a cancelled RPC looks like a refusal): not the document's fault. The job
            // stays as it is and runs again when its unacknowledged message is delivered again.
            throw new OperationCanceledException($"Job {job.Id} was interrupted; it runs again on redelivery.", ex, cancellationToken);
        }
        catch (DependencyUnavailableException ex)
        {
            var delay = Backoff(job.Attempts);
            logger.LogWarning("Job {JobId} waits {Delay}: {Reason}", job.Id, delay, ex.Message);
            await jobs.WaitAsync(job.Id, $"Waiting: {ex.Message}", time.GetUtcNow() + delay, CancellationToken.None);
            return JobOutcome.Waiting;
        }
        catch (Exception ex) when (Poison(ex) is { } poison)
        {
            logger.LogError("Job {JobId} failed: {Code} {Reason}", job.Id, poison.Code, poison.Message);
            await jobs.FailAsync(job, poison.Code, poison.Message, messageId, CancellationToken.None);
            throw poison;
        }
    }

    private async Task ChunkAsync(JobRow job, VersionRow version, CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.Value.SpoolDirectory, $"ingestion-{job.Id:N}-{Guid.NewGuid():N}.original");
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        if (!await documents.CopyOriginalAsync(job.DocumentId, job.Version, file, cancellationToken))
        {
            throw new PoisonDocumentException("document.missing", "The stored original of this version is missing.");
        }

        file.Position = 0;
        var format = DocumentFormats.Parse(version.Format);
        await database.InTransactionAsync(async (session, ct) =>
        {
            var blocks = reader.Read(file, format, options.Value.Limits, ct);
            var count = await chunks.StageAsync(session, job.DocumentId, job.Version, chunker.Split(blocks), ct);
            await jobs.ProgressAsync(session, job.Id, JobStates.StageScan, count, chunked: true, ct);
        }, cancellationToken);
    }

    private async Task ScanAsync(JobRow job, KnowledgeBaseRow knowledgeBase, Actor actor, CancellationToken cancellationToken)
    {
        while (true)
        {
            var pending = await chunks.PendingAsync(job.DocumentId, job.Version, options.Value.ScanBatchSize, cancellationToken);
            if (pending.Count == 0)
            {
                return;
            }

            IReadOnlyList<ChunkVerdict> verdicts;
            try
            {
                verdicts = await scanner.ScanAsync(actor, [.. pending.Select(c => (c.Ordinal.ToString(CultureInfo.InvariantCulture), c.Text))], cancellationToken);
            }
            catch (RpcException ex)
            {
                throw Refused("guardrail", ex);
            }

            var byId = verdicts.ToDictionary(v => v.ChunkId, StringComparer.Ordinal);
            var decisions = pending.Select(c =>
            {
                // Fail closed: a chunk without a verdict is never indexed.
                if (!byId.TryGetValue(c.Ordinal.ToString(CultureInfo.InvariantCulture), out var verdict))
                {
                    throw new DependencyUnavailableException("guardrail", $"no verdict for chunk {c.Ordinal}");
                }

                return (c.Ordinal, FindingsPolicies.Decide(knowledgeBase.FindingsPolicy, verdict), verdict.RuleIds);
            }).ToList();
            await chunks.DecideAsync(job.DocumentId, job.Version, decisions, cancellationToken);
            var counts = await chunks.CountsAsync(job.DocumentId, job.Version, cancellationToken);
            await jobs.ProgressAsync(job.Id, JobStates.StageScan, null, counts.Quarantined, counts.Quarantined, counts.Flagged, null, cancellationToken);
        }
    }

    private TimeSpan Backoff(int attempts)
    {
        var settings = options.Value;
        var exponent = Math.Clamp(attempts - 1, 0, 20);
        var delay = Math.Min(settings.RetryInitialDelay.TotalMilliseconds * Math.Pow(2, exponent), settings.RetryMaxDelay.TotalMilliseconds);
        // Jitter, so jobs that failed together do not all return together.
        return TimeSpan.FromMilliseconds(delay * (0.8 + (Random.Shared.NextDouble() * 0.4)));
    }

    internal static PoisonDocumentException Refused(string dependency, RpcException ex) =>
        new($"{dependency}.{ex.StatusCode.ToString().ToLowerInvariant()}", $"The {dependency} service refused the document: {ex.Status.Detail}", ex);

    private static PoisonDocumentException? Poison(Exception ex) => ex switch
    {
        PoisonDocumentException poison => poison,
        DocumentRejectedException rejected => new PoisonDocumentException(rejected.Code.Code(), rejected.Message, rejected),
        _ => null,
    };
}
