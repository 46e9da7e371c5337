namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>The effective policy of a tenant's app for scanning (cached), and invalidation after a save.</summary>
public interface IPolicyProvider
{
    /// <summary>The app's latest policy; the built-in default for an empty app id or an app without a saved policy.</summary>
    ValueTask<EffectivePolicy> GetAsync(string tenantId, string appId, CancellationToken cancellationToken);

    void Invalidate(string tenantId, string appId);
}
