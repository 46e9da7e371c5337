using Microsoft.AspNetCore.Mvc;
using SecureRag.Gateway.Apis;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Benchmarking;

/// <summary>
/// What <c>bench/gateway-auth.sh</c> needs besides the real API: the same cheap handler without the security layer,
/// to measure the layer's overhead in the same run, and the counters that show the real path ran.
/// </summary>
public static class BenchmarkEndpoints
{
    private static readonly GatewayCaller FixedCaller = new(
        new CallerPrincipal("benchmark", "benchmark", PrincipalKind.ApiKey, [], [], null, []),
        ApiKeyId: null, UserId: null, Limits: null, Assertions: new Dictionary<string, string>());

    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection(BenchmarkOptions.SectionName).Get<BenchmarkOptions>() ?? new BenchmarkOptions();
        if (!options.Enabled)
        {
            return app;
        }

        if (!app.Environment.IsDevelopment())
        {
            throw new InvalidOperationException($"{BenchmarkOptions.SectionName}:Enabled switches the security layer off for /bench/me; it is refused outside Development.");
        }

        app.MapGet("/bench/me", (HttpContext context) =>
        {
            context.SetCaller(FixedCaller);
            return MeApi.GetMe(context);
        }).ExcludeFromDescription();
        app.MapGet("/bench/stats", ([FromServices] RateLimitMetrics limits, [FromServices] PrincipalCache cache) =>
        {
            var (hits, misses, renewals) = cache.Statistics;
            return TypedResults.Ok(new BenchmarkStats(limits.RedisCommands, limits.Requests, hits, misses, renewals));
        }).ExcludeFromDescription();
        return app;
    }
}
