using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// The rate-limit header fields of draft-ietf-httpapi-ratelimit-headers (the -06 form clients parse today):
/// <c>RateLimit-Limit</c>, <c>-Remaining</c> and <c>-Reset</c> describe the tightest limit; <c>RateLimit-Policy</c>
/// lists every limit that applies as <c>quota;w=window</c>.
/// </summary>
public static class RateLimitHeaders
{
    public const string Limit = "RateLimit-Limit";
    public const string Remaining = "RateLimit-Remaining";
    public const string Reset = "RateLimit-Reset";
    public const string Policy = "RateLimit-Policy";

    public static void Apply(HttpResponse response, RateLimitDecision decision)
    {
        if (decision.Tightest is not { } tightest)
        {
            return;
        }

        response.Headers[Limit] = tightest.Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers[Remaining] = tightest.Remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers[Reset] = Seconds(decision.Reset).ToString(CultureInfo.InvariantCulture);
        response.Headers[Policy] = string.Join(
            ", ",
            decision.Counters.Select(c => string.Create(
                CultureInfo.InvariantCulture, $"{c.Limit};w={RedisRateLimiter.WindowSeconds}")));
    }

    /// <summary>Whole seconds, rounded up, so a client that waits that long finds the window over.</summary>
    internal static long Seconds(TimeSpan span) => Math.Max(0, (long)Math.Ceiling(span.TotalSeconds));
}
