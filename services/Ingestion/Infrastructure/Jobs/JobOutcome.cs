namespace SecureRag.Ingestion.Infrastructure.Jobs;

public enum JobOutcome
{
    Completed,

    /// <summary>A dependency was unavailable; the job runs again when its retry is due.</summary>
    Waiting,

    /// <summary>The document or version went away, was rejected or superseded before indexing.</summary>
    Cancelled,

    /// <summary>Nothing to do: the job is done already, or another worker holds it.</summary>
    Skipped,
}
