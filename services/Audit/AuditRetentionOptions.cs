using System.ComponentModel.DataAnnotations;

namespace SecureRag.Audit;

/// <summary>How long records are kept (section <c>Audit:Retention</c>).</summary>
public sealed class AuditRetentionOptions
{
    [Range(typeof(TimeSpan), "1.00:00:00", "36500.00:00:00")]
    public TimeSpan Default { get; set; } = TimeSpan.FromDays(365);

    /// <summary>Per-tenant overrides of <see cref="Default"/>, by tenant id (<c>Audit:Retention:Tenants:{id}</c>).</summary>
    public Dictionary<string, TimeSpan> Tenants { get; set; } = [];

    /// <summary>How often the purge job runs; it only removes what has expired, so running often is cheap.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan For(string tenantId) => Tenants.GetValueOrDefault(tenantId, Default);
}
