namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>Versioned policy documents per tenant and app. Every query is scoped to the tenant given.</summary>
public interface IPolicyStore
{
    /// <summary>The version (0: the latest), or null when the tenant's app has none.</summary>
    Task<StoredPolicy?> GetAsync(string tenantId, string appId, int version, CancellationToken cancellationToken);

    Task<IReadOnlyList<StoredPolicy>> ListAsync(string tenantId, string appId, int limit, CancellationToken cancellationToken);

    /// <summary>Stores the next version and raises its audit event in the same transaction.</summary>
    /// <exception cref="PolicyVersionConflictException">The expected version is not the latest.</exception>
    Task<StoredPolicy> SaveAsync(PolicySave save, CancellationToken cancellationToken);
}
