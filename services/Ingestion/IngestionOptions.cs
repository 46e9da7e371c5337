using System.ComponentModel.DataAnnotations;
using SecureRag.Ingestion.Domain.Chunking;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion;

/// <summary>Settings of the Ingestion service (section <c>Ingestion</c>), validated at start by <see cref="IngestionOptionsValidator"/>.</summary>
public sealed class IngestionOptions
{
    public const string SectionName = "Ingestion";

    /// <summary>Upload size, decompression and extraction bounds (<c>Ingestion:Limits</c>).</summary>
    public ParseLimits Limits { get; set; } = new();

    /// <summary>Chunk and overlap sizes (<c>Ingestion:Chunking</c>).</summary>
    public ChunkingOptions Chunking { get; set; } = new();

    /// <summary>Jobs one replica runs at once (the consumer's concurrency).</summary>
    [Range(1, 256)]
    public int ConcurrentJobs { get; set; } = 8;

    /// <summary>Chunks per Guardrail context scan (the service takes at most 256).</summary>
    [Range(1, 256)]
    public int ScanBatchSize { get; set; } = 64;

    /// <summary>Chunks per Inference embedding call, and per message of the index stream to Retrieval.</summary>
    [Range(1, 1024)]
    public int EmbedBatchSize { get; set; } = 64;

    /// <summary>First wait before a job whose dependency was unavailable runs again; doubles up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often due waiting jobs are put back on the queue, and stuck ones looked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan SchedulerInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A queued or running job untouched for this long, and not held by a live worker, is sent again.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan StuckJobAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where uploads and originals are spooled while checked and parsed (empty: the system's temp folder).</summary>
    public string TempDirectory { get; set; } = "";

    /// <summary>Resource names of the services a job calls.</summary>
    [Required]
    public string GuardrailService { get; set; } = "guardrail";

    [Required]
    public string InferenceService { get; set; } = "inference";

    [Required]
    public string RetrievalService { get; set; } = "retrieval";

    public string SpoolDirectory => string.IsNullOrWhiteSpace(TempDirectory) ? Path.GetTempPath() : TempDirectory;
}
