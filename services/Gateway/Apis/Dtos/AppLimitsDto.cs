namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>Per-app limits; zero or absent means the plan's default.</summary>
public sealed record AppLimitsDto(
    int RequestsPerMinutePerKey = 0,
    int RequestsPerMinutePerUser = 0,
    long TokensPerDayPerKey = 0,
    long TokensPerDayPerUser = 0,
    int MaxTokensPerRequest = 0);
