namespace SecureRag.Hosting.Dashboard;

/// <summary>
/// Verifying the chain reads all of it, so the last result is kept for a while and concurrent page loads share one
/// verification rather than starting one each.
/// </summary>
internal sealed class AuditVerificationCache(IDashboardAuditTrail trail, DistributedApplication app, TimeSpan maxAge, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<DashboardAuditVerification>? _current;

    public IDashboardAuditTrail Trail { get; } = trail;

    /// <summary>The last result, if any, without waiting.</summary>
    public DashboardAuditVerification? Last => _current is { IsCompletedSuccessfully: true } done ? done.Result : null;

    /// <summary>The last result when it is recent enough, else a new verification (shared by concurrent callers).</summary>
    public Task<DashboardAuditVerification> GetAsync(bool fresh, CancellationToken cancellationToken)
    {
        Task<DashboardAuditVerification> task;
        lock (_gate)
        {
            var stale = _current is null
                || _current.IsFaulted
                || _current.IsCanceled
                || (_current.IsCompletedSuccessfully
                    && (fresh || _current.Result.Status == AuditChainStatus.NotVerified || time.GetUtcNow() - _current.Result.VerifiedAt > maxAge));
            if (stale)
            {
                _current = VerifyAsync();
            }

            task = _current!;
        }

        return task.WaitAsync(cancellationToken);
    }

    private async Task<DashboardAuditVerification> VerifyAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            return await Trail.VerifyAsync(app, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new DashboardAuditVerification(AuditChainStatus.NotVerified, ex.Message, time.GetUtcNow());
        }
    }
}
