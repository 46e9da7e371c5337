namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// The audit trail the dashboard's Audit page shows. The hosting library knows no audit schema: the application that
/// has one registers an implementation in the builder's services (<c>builder.Services.AddSingleton&lt;IDashboardAuditTrail, …&gt;()</c>).
/// </summary>
public interface IDashboardAuditTrail
{
    /// <summary>One page of records that match <paramref name="query"/>, newest first.</summary>
    Task<DashboardAuditPage> QueryAsync(DistributedApplication app, DashboardAuditQuery query, CancellationToken cancellationToken);

    /// <summary>Recomputes the chain and says whether it is intact.</summary>
    Task<DashboardAuditVerification> VerifyAsync(DistributedApplication app, CancellationToken cancellationToken);
}
