using System.ComponentModel.DataAnnotations;
using SecureRag.Gateway.Security;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>Rate limits, token quotas and failed-authentication limits (<c>Gateway:RateLimiting</c>).</summary>
public sealed class RateLimitingOptions
{
    public const string SectionName = "Gateway:RateLimiting";

    /// <summary>Prefix of every Redis key; braces are reserved for the tenant hash tag.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_.:-]{1,32}$")]
    public string KeyPrefix { get; set; } = "rl";

    /// <summary>Failed authentications per client address and minute before the address is refused (0 = off).</summary>
    [Range(0, 100_000)]
    public int AuthFailuresPerMinute { get; set; } = 20;

    /// <summary>
    /// How long a token reservation holds quota without being settled, so a crashed request gives it back.
    /// Longer than the slowest streamed answer.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan ReservationTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// When Redis cannot be reached: admit requests (true) or answer 503 (false). Off by default: the limits are a
    /// security control, and Redis is part of the Gateway's readiness anyway.
    /// </summary>
    public bool FailOpen { get; set; }

    /// <summary>The plan whose limits apply when Auth supplies none.</summary>
    [Required]
    public string DefaultPlan { get; set; } = "default";

    public Dictionary<string, PlanLimits> Plans { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = new()
        {
            ApiKeyRequestsPerMinute = 600,
            UserRequestsPerMinute = 600,
            TenantRequestsPerMinute = 6_000,
            ApiKeyTokensPerDay = 1_000_000,
            UserTokensPerDay = 1_000_000,
            TenantTokensPerDay = 10_000_000,
        },
    };

    public RateLimits GetDefaultLimits() => LimitsOf(DefaultPlan);

    public RateLimits LimitsOf(string plan) =>
        Plans.TryGetValue(plan, out var limits)
            ? limits.ToRateLimits()
            : throw new KeyNotFoundException($"Rate-limit plan '{plan}' is not configured under {SectionName}:Plans.");
}
