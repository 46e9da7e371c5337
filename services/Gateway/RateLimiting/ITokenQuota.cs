namespace SecureRag.Gateway.RateLimiting;

/// <summary>Daily token quotas of the API key, the user and the tenant: reserve the maximum, settle the actual.</summary>
public interface ITokenQuota
{
    /// <summary>
    /// Holds <paramref name="maxTokens"/> from every applicable daily quota at once, or none of them when any would be
    /// exceeded. Reservations of crashed requests lapse after <see cref="RateLimitingOptions.ReservationTimeout"/>.
    /// </summary>
    ValueTask<QuotaDecision> ReserveAsync(RateLimitSubject subject, long maxTokens, CancellationToken cancellationToken);

    /// <summary>Counts <paramref name="actualTokens"/> as used and releases the rest of the hold. Repeat calls are no-ops.</summary>
    ValueTask SettleAsync(QuotaReservation reservation, long actualTokens, CancellationToken cancellationToken);

    /// <summary>Today's usage and holds of every applicable quota (holds that lapsed may still be counted until the next reservation).</summary>
    ValueTask<IReadOnlyList<QuotaUsage>> GetUsageAsync(RateLimitSubject subject, CancellationToken cancellationToken);
}
