using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Tests.Support;

/// <summary>The policy store's contract in memory (PostgreSQL storage is covered by the integration tests).</summary>
public sealed class InMemoryPolicyStore : IPolicyStore
{
    private readonly List<StoredPolicy> _policies = [];
    private readonly Lock _gate = new();

    public List<PolicySave> Saves { get; } = [];

    public Task<StoredPolicy?> GetAsync(string tenantId, string appId, int version, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var versions = _policies.Where(p => p.TenantId == tenantId && p.AppId == appId);
            return Task.FromResult(version == 0
                ? versions.MaxBy(p => p.Version)
                : versions.FirstOrDefault(p => p.Version == version));
        }
    }

    public Task<IReadOnlyList<StoredPolicy>> ListAsync(string tenantId, string appId, int limit, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<StoredPolicy> list = [.. _policies.Where(p => p.TenantId == tenantId && p.AppId == appId)
                .OrderByDescending(p => p.Version).Take(limit)];
            return Task.FromResult(list);
        }
    }

    public Task<StoredPolicy> SaveAsync(PolicySave save, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var latest = _policies.Where(p => p.TenantId == save.TenantId && p.AppId == save.AppId).Select(p => p.Version).DefaultIfEmpty(0).Max();
            if (save.ExpectedVersion is { } expected && expected != latest)
            {
                throw new PolicyVersionConflictException(expected, latest);
            }

            var stored = new StoredPolicy(save.TenantId, save.AppId, latest + 1, save.Json, DateTimeOffset.UtcNow, save.ActorId);
            _policies.Add(stored);
            Saves.Add(save);
            return Task.FromResult(stored);
        }
    }
}
