using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Infrastructure;

/// <summary>
/// Serves effective policies from memory for <see cref="GuardrailOptions.PolicyCacheDuration"/>, so a scan costs no
/// database round trip. Stored documents were validated on save; one that no longer parses (a rule removed in a later
/// release) falls back to the built-in default with an error in the log rather than failing every scan.
/// </summary>
public sealed class CachedPolicyProvider(
    IPolicyStore store,
    IOptions<GuardrailOptions> options,
    TimeProvider time,
    ILogger<CachedPolicyProvider> logger) : IPolicyProvider
{
    private readonly ConcurrentDictionary<(string Tenant, string App), (EffectivePolicy Policy, DateTimeOffset Expires)> _cache = new();

    public async ValueTask<EffectivePolicy> GetAsync(string tenantId, string appId, CancellationToken cancellationToken)
    {
        if (appId.Length == 0)
        {
            return EffectivePolicy.Default;
        }

        var key = (tenantId, appId);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Expires > now)
        {
            return cached.Policy;
        }

        var stored = await store.GetAsync(tenantId, appId, 0, cancellationToken);
        var policy = stored is null ? EffectivePolicy.Default : Parse(stored);
        _cache[key] = (policy, now + options.Value.PolicyCacheDuration);
        return policy;
    }

    public void Invalidate(string tenantId, string appId) => _cache.TryRemove((tenantId, appId), out _);

    private EffectivePolicy Parse(StoredPolicy stored)
    {
        var parsed = PolicyParser.Parse(stored.Json);
        if (parsed.Policy is not null)
        {
            return new EffectivePolicy(parsed.Policy, stored.Version);
        }

        logger.LogError("Stored policy version {Version} of app {AppId} no longer validates ({Problems}); applying the default",
            stored.Version, stored.AppId, string.Join("; ", parsed.Problems));
        return EffectivePolicy.Default;
    }
}
