namespace SecureRag.Ingestion.Infrastructure;

/// <summary>The values of <c>ingestion_jobs.state</c> and <c>stage</c>.</summary>
public static class JobStates
{
    public const string Queued = "queued";
    public const string Running = "running";
    public const string Waiting = "waiting";
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public const string StageParse = "parse";
    public const string StageScan = "scan";
    public const string StageEmbed = "embed";
    public const string StageIndex = "index";
    public const string StageDone = "done";
}
