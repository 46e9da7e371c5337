using System.Collections.Concurrent;
using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Auth;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Reads apps from Auth under the Gateway's own service assertion (the caller of a query may not read app settings,
/// and must never see the system prompt), and remembers them for <see cref="QueryOptions.AppCacheDuration"/>.
/// </summary>
public sealed class AppDirectory(
    Administration.AdministrationClient auth,
    ServiceAssertionProvider serviceAssertions,
    IOptions<QueryOptions> options,
    TimeProvider time)
{
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<(string Tenant, string App), (AppSettings? App, DateTimeOffset Until)> _cache = new();

    /// <returns>The app, or null when the tenant has no such app.</returns>
    /// <exception cref="QueryRefusedException">503 when Auth cannot be asked.</exception>
    public async Task<AppSettings?> FindAsync(string tenantId, string appId, CancellationToken cancellationToken)
    {
        var key = (tenantId, appId);
        if (_cache.TryGetValue(key, out var cached) && cached.Until > time.GetUtcNow())
        {
            return cached.App;
        }

        AppSettings? app;
        try
        {
            var headers = await serviceAssertions.GetHeadersAsync("auth", tenantId, "", cancellationToken);
            var found = await auth.GetAppAsync(new IdRequest { Id = appId }, headers,
                deadline: DateTime.UtcNow.AddSeconds(10), cancellationToken: cancellationToken);
            app = ToSettings(tenantId, found);
        }
        catch (RpcException ex) when (ex.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            app = null;
        }
        catch (RpcException ex)
        {
            throw new QueryRefusedException(StatusCodes.Status503ServiceUnavailable, "auth_unavailable", "Service unavailable",
                $"The app's settings cannot be read ({ex.StatusCode}).");
        }

        if (_cache.Count >= MaxEntries)
        {
            _cache.Clear();
        }

        _cache[key] = (app, time.GetUtcNow() + options.Value.AppCacheDuration);
        return app;
    }

    /// <summary>Forgets an app after a change made through this replica.</summary>
    public void Forget(string tenantId, string appId) => _cache.TryRemove((tenantId, appId), out _);

    private static AppSettings ToSettings(string tenantId, App app)
    {
        var spec = app.Spec ?? new AppSpec();
        return new AppSettings(
            app.Id,
            tenantId,
            spec.Name,
            spec.SystemPrompt,
            [.. spec.KnowledgeBases],
            spec.Model,
            spec.Audience,
            app.Grants.Select(g => $"{g.Kind}:{g.Id}").ToHashSet(StringComparer.Ordinal),
            spec.Limits?.MaxTokensPerRequest ?? 0,
            spec.AuditText.Length == 0 ? "hashed" : spec.AuditText);
    }
}
