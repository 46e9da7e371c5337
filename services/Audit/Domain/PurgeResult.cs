namespace SecureRag.Audit.Domain;

/// <param name="PurgeSequence">The record of the purge; 0 when nothing had expired.</param>
public sealed record PurgeResult(long Removed, long PurgeSequence)
{
    public static PurgeResult Nothing { get; } = new(0, 0);
}
