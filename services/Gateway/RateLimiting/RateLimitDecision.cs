namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// The answer to one request: admitted or not, and every applicable per-minute limit. <see cref="Tightest"/> is the
/// limit that refused the request, or when admitted the one with the least room left; null when nothing applies.
/// </summary>
public sealed record RateLimitDecision(bool Admitted, IReadOnlyList<RateLimitCounter> Counters, TimeSpan Reset)
{
    public static RateLimitDecision Unlimited { get; } = new(true, [], TimeSpan.Zero);

    /// <summary>
    /// When refused: refusals of <see cref="Tightest"/> in this window, this one included. 1 marks the first, the
    /// moment to raise one audit event per limit and minute rather than one per refused request.
    /// </summary>
    public long Refusals { get; init; }

    public RateLimitCounter? Tightest
    {
        get
        {
            RateLimitCounter? tightest = null;
            foreach (var counter in Counters)
            {
                var refusing = !Admitted && counter.Used >= counter.Limit;
                if (tightest is null
                    || (refusing && tightest.Used < tightest.Limit)
                    || (Admitted && (counter.Remaining, counter.Limit).CompareTo((tightest.Remaining, tightest.Limit)) < 0))
                {
                    tightest = counter;
                }
            }

            return tightest;
        }
    }
}
