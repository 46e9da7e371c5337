using System.ComponentModel.DataAnnotations;

namespace SecureRag.Audit;

/// <summary>How events are consumed in batches (section <c>Audit:Ingest</c>).</summary>
public sealed class AuditIngestOptions
{
    /// <summary>Events appended to the chain in one transaction.</summary>
    [Range(1, 5_000)]
    public int BatchSize { get; set; } = 1_000;

    /// <summary>
    /// How long a batch waits to fill before it is written anyway: the bound on an event's extra latency when traffic
    /// is light. Under load batches fill long before it, and large batches keep the chain lock's round trips few.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:00:10")]
    public TimeSpan BatchTimeLimit { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Batches in flight per replica: one fills while another waits for the chain lock.</summary>
    [Range(1, 8)]
    public int ConcurrentBatches { get; set; } = 2;
}
