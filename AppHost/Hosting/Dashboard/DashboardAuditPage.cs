namespace SecureRag.Hosting.Dashboard;

/// <summary>A page of audit records, newest first.</summary>
/// <param name="Records">The records.</param>
/// <param name="NextBeforeSequence">The <see cref="DashboardAuditQuery.BeforeSequence"/> of the next page; null on the last.</param>
public sealed record DashboardAuditPage(IReadOnlyList<DashboardAuditRecord> Records, long? NextBeforeSequence);
