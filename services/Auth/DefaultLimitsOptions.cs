namespace SecureRag.Auth;

/// <summary>Limits of the standard plan, used where an app sets none. Zero means unlimited.</summary>
public sealed class DefaultLimitsOptions
{
    public int ApiKeyRequestsPerMinute { get; set; } = 600;
    public int UserRequestsPerMinute { get; set; } = 300;
    public int TenantRequestsPerMinute { get; set; } = 6000;
    public long ApiKeyTokensPerDay { get; set; } = 1_000_000;
    public long UserTokensPerDay { get; set; } = 200_000;
    public long TenantTokensPerDay { get; set; } = 10_000_000;
}
