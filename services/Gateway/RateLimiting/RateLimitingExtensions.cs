using System.ComponentModel.DataAnnotations;
using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SecureRag.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

public static class RateLimitingExtensions
{
    /// <summary>The connection string (and AppHost resource) of Redis.</summary>
    public const string ConnectionName = "cache";

    /// <summary>
    /// Registers rate limits, token quotas and failed-authentication limits on Redis (connection string
    /// <c>cache</c>), their options (<c>Gateway:RateLimiting</c>, validated at start) and a readiness check.
    /// An <see cref="IConnectionMultiplexer"/> or <see cref="IRateLimitAuditSink"/> registered by the Gateway is kept.
    /// </summary>
    public static IHostApplicationBuilder AddRateLimiting(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(ConnectionName)
            ?? throw new InvalidOperationException(
                $"Connection string '{ConnectionName}' is missing (ConnectionStrings__{ConnectionName}).");

        builder.Services.AddOptions<RateLimitingOptions>()
            .BindConfiguration(RateLimitingOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Plans.ContainsKey(o.DefaultPlan), $"{RateLimitingOptions.SectionName}:DefaultPlan names no configured plan.")
            .Validate(
                o => o.Plans.Values.All(p => Validator.TryValidateObject(p, new ValidationContext(p), null, true)),
                $"{RateLimitingOptions.SectionName}:Plans: limits must not be negative.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton<IConnectionMultiplexer>(_ =>
        {
            var configuration = ConfigurationOptions.Parse(connectionString);
            configuration.AbortOnConnectFail = false; // start and report unready rather than crash while Redis starts
            return ConnectionMultiplexer.Connect(configuration);
        });
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton(services => new RateLimitMetrics(
            services.GetService<ServiceTelemetry>()?.Meter
            ?? services.GetRequiredService<IMeterFactory>().Create("SecureRag.Gateway")));
        builder.Services.TryAddSingleton<IRateLimiter, RedisRateLimiter>();
        builder.Services.TryAddSingleton<ITokenQuota, RedisTokenQuota>();
        builder.Services.TryAddSingleton<IAuthFailureLimiter, RedisAuthFailureLimiter>();
        builder.Services.TryAddSingleton<IRateLimitAuditSink, NullRateLimitAuditSink>();
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>(ConnectionName);
        return builder;
    }

    /// <summary>
    /// Enforces the caller's per-minute limits. Place after authentication and authorization, before the endpoints.
    /// </summary>
    public static IApplicationBuilder UseSecureRagRateLimiting(this IApplicationBuilder app) =>
        app.UseMiddleware<RateLimitingMiddleware>();
}
