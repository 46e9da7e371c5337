namespace SecureRag.Hosting.Dashboard;

/// <summary>The audit chain's verification status.</summary>
public enum AuditChainStatus
{
    /// <summary>Every record is authentic, in place and linked, and matches the last checkpoint.</summary>
    Intact,

    /// <summary>A record was altered, removed or reordered, or the checkpoint does not match.</summary>
    Broken,

    /// <summary>The verifier could not check the chain (not started yet, or its settings or database stopped it).</summary>
    NotVerified,
}
