namespace SecureRag.Hosting.Dashboard;

/// <summary>The outcome of recomputing the audit chain.</summary>
/// <param name="Status">Intact, broken, or not verified (the verifier could not run).</param>
/// <param name="Summary">What the verifier said: records checked and the head, or where the chain breaks and how.</param>
/// <param name="VerifiedAt">When the verification finished.</param>
public sealed record DashboardAuditVerification(AuditChainStatus Status, string Summary, DateTimeOffset VerifiedAt);
