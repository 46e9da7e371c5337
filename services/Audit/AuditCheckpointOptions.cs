using System.ComponentModel.DataAnnotations;

namespace SecureRag.Audit;

/// <summary>Signed checkpoints of the chain head (section <c>Audit:Checkpoint</c>).</summary>
public sealed class AuditCheckpointOptions
{
    /// <summary>
    /// The checkpoint file. Put it where the database's administrators cannot write (another volume, an object store
    /// mount): deleting the newest records is detected only against it. Empty: no checkpoints (a warning at start).
    /// </summary>
    public string? Path { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);
}
