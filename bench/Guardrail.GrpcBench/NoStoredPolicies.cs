using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Bench.GuardrailGrpc;

/// <summary>A policy store in which no app has a policy of its own, so every scan runs under the default policy.</summary>
public sealed class NoStoredPolicies : IPolicyStore
{
    public Task<StoredPolicy?> GetAsync(string tenantId, string appId, int version, CancellationToken cancellationToken) =>
        Task.FromResult<StoredPolicy?>(null);

    public Task<IReadOnlyList<StoredPolicy>> ListAsync(string tenantId, string appId, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<StoredPolicy>>([]);

    public Task<StoredPolicy> SaveAsync(PolicySave save, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The round-trip benchmark never saves a policy.");
}
