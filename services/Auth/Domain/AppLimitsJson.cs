using Google.Protobuf;
using SecureRag.Contracts.Auth;

namespace SecureRag.Auth.Domain;

/// <summary>An app's limits as stored (JSON of <see cref="AppLimits"/>), overlaid on the plan's defaults.</summary>
public static class AppLimitsJson
{
    public static string Write(AppLimits? limits) => JsonFormatter.Default.Format(limits ?? new AppLimits());

    public static AppLimits Read(string json) => JsonParser.Default.Parse<AppLimits>(json);

    public static Limits Resolve(DefaultLimitsOptions defaults, AppLimits? app) => new()
    {
        ApiKeyRequestsPerMinute = Pick(app?.RequestsPerMinutePerKey, defaults.ApiKeyRequestsPerMinute),
        UserRequestsPerMinute = Pick(app?.RequestsPerMinutePerUser, defaults.UserRequestsPerMinute),
        TenantRequestsPerMinute = defaults.TenantRequestsPerMinute,
        ApiKeyTokensPerDay = Pick(app?.TokensPerDayPerKey, defaults.ApiKeyTokensPerDay),
        UserTokensPerDay = Pick(app?.TokensPerDayPerUser, defaults.UserTokensPerDay),
        TenantTokensPerDay = defaults.TenantTokensPerDay,
    };

    private static int Pick(int? value, int fallback) => value is > 0 ? value.Value : fallback;

    private static long Pick(long? value, long fallback) => value is > 0 ? value.Value : fallback;
}
