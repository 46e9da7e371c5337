using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// RFC 7807 answers for refused requests, with a stable <c>type</c> and <c>code</c> per reason so clients can tell a
/// rate limit (retry within the minute) from an exhausted quota (retry tomorrow or raise the quota). Each also sets
/// <c>Retry-After</c> on the response.
/// </summary>
public static class RateLimitProblems
{
    public const string RateLimitedCode = "rate_limited";
    public const string QuotaExhaustedCode = "quota_exhausted";
    public const string UnavailableCode = "rate_limiter_unavailable";
    public const string TypePrefix = "urn:securerag:problem:";

    public static ProblemHttpResult RateLimited(HttpContext context, RateLimitDecision decision) => Problem(
        context,
        StatusCodes.Status429TooManyRequests,
        RateLimitedCode,
        "Too many requests",
        decision.Tightest is { } limit
            ? $"The {Name(limit.Scope)} limit of {limit.Limit} requests per minute is reached."
            : "The request rate limit is reached.",
        decision.Reset);

    public static ProblemHttpResult QuotaExhausted(HttpContext context, QuotaDecision decision) => Problem(
        context,
        StatusCodes.Status429TooManyRequests,
        QuotaExhaustedCode,
        "Token quota exhausted",
        decision.Exhausted is { } quota
            ? $"The request may use more tokens than the {Name(quota.Scope)} has left today ({quota.Remaining} of {quota.Limit})."
            : "The daily token quota is exhausted.",
        decision.Reset);

    public static ProblemHttpResult AuthenticationBlocked(HttpContext context, AuthFailureStatus status) => Problem(
        context,
        StatusCodes.Status429TooManyRequests,
        RateLimitedCode,
        "Too many requests",
        "Too many failed authentication attempts from this address.",
        status.RetryAfter);

    public static ProblemHttpResult Unavailable(HttpContext context) => Problem(
        context,
        StatusCodes.Status503ServiceUnavailable,
        UnavailableCode,
        "Service unavailable",
        "Rate limits cannot be checked right now.",
        TimeSpan.FromSeconds(1));

    private static ProblemHttpResult Problem(
        HttpContext context, int status, string code, string title, string detail, TimeSpan retryAfter)
    {
        context.Response.Headers[HeaderNames.RetryAfter] =
            Math.Max(1, RateLimitHeaders.Seconds(retryAfter)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(new ProblemDetails
        {
            Type = TypePrefix + code,
            Title = title,
            Status = status,
            Detail = detail,
            Extensions = { ["code"] = code },
        });
    }

    private static string Name(RateLimitScope scope) => scope switch
    {
        RateLimitScope.ApiKey => "API key",
        RateLimitScope.User => "user",
        _ => "tenant",
    };
}
