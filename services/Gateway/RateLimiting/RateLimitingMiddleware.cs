using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.Security;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Checks the authenticated caller's per-minute limits: 429 with problem details when refused, <c>RateLimit-*</c>
/// headers on every checked response. Requests without a caller (authentication answers those) and endpoints with
/// <see cref="DisableRateLimitingAttribute"/> metadata (<c>.DisableRateLimiting()</c>) pass unchecked.
/// </summary>
internal sealed class RateLimitingMiddleware(
    RequestDelegate next,
    IRateLimiter limiter,
    IRateLimitAuditSink audit,
    RateLimitMetrics metrics,
    IOptions<RateLimitingOptions> options,
    ILogger<RateLimitingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var caller = context.GetCaller();
        if (caller is null || context.GetEndpoint()?.Metadata.GetMetadata<DisableRateLimitingAttribute>() is not null)
        {
            await next(context);
            return;
        }

        RateLimitDecision decision;
        try
        {
            decision = await limiter.AcquireAsync(RateLimitSubject.From(caller), context.RequestAborted);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            logger.LogWarning(ex, "Rate limits could not be checked; failing {Mode}", options.Value.FailOpen ? "open" : "closed");
            if (options.Value.FailOpen)
            {
                await next(context);
            }
            else
            {
                await RateLimitProblems.Unavailable(context).ExecuteAsync(context);
            }

            return;
        }

        metrics.RequestChecked(decision.Admitted);
        RateLimitHeaders.Apply(context.Response, decision);
        if (decision.Admitted)
        {
            await next(context);
            return;
        }

        await RateLimitProblems.RateLimited(context, decision).ExecuteAsync(context);
        await ReportAsync(context, caller, decision);
    }

    private async Task ReportAsync(HttpContext context, GatewayCaller caller, RateLimitDecision decision)
    {
        var address = context.Connection.RemoteIpAddress is { } ip ? ClientAddress.Normalize(ip) : null;
        try
        {
            await audit.RateLimitHitAsync(
                new RateLimitHit(
                    caller, RateLimitProblems.RateLimitedCode, decision.Tightest, decision.Reset, address, decision.Refusals),
                context.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Rate-limit hit of tenant {TenantId} could not be audited", caller.Principal.TenantId);
        }
    }
}
