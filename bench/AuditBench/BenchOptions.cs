namespace SecureRag.AuditBench;

/// <summary>Section <c>Bench</c>.</summary>
public sealed class BenchOptions
{
    public const string SectionName = "Bench";

    /// <summary>Events this process raises (<c>raise</c>), or the total to wait for (<c>stored</c>).</summary>
    public int Events { get; set; } = 100_000;

    /// <summary>The number of this process's first event, so that parallel publishers vary their content alike.</summary>
    public int FirstEvent { get; set; }

    /// <summary>Events raised per outbox transaction, as a busy service would commit them.</summary>
    public int EventsPerTransaction { get; set; } = 100;

    /// <summary>A connection to the Audit service's schema, to see when every event is stored.</summary>
    public string AuditDatabase { get; set; } = "";
}
