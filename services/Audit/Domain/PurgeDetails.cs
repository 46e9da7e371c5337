namespace SecureRag.Audit.Domain;

/// <summary>The detail keys of a purge record.</summary>
public static class PurgeDetails
{
    public const string Action = "audit.purged";
    public const string Removed = "removed";
    public const string Runs = "runs";
    public const string Cutoff = "cutoff";
    public const string TombstonesSha256 = "tombstones_sha256";
}
