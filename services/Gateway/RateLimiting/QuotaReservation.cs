using StackExchange.Redis;

namespace SecureRag.Gateway.RateLimiting;

/// <summary>
/// Tokens held from the daily quotas until the request settles with its actual usage. Settle it exactly once (with
/// zero when generation never ran); if the request dies first, the hold lapses at <see cref="ExpiresAt"/>.
/// </summary>
public sealed class QuotaReservation
{
    private int _settled;

    internal QuotaReservation(string id, long tokens, DateTimeOffset expiresAt, RedisKey[] keys)
    {
        Id = id;
        Tokens = tokens;
        ExpiresAt = expiresAt;
        Keys = keys;
    }

    public string Id { get; }

    public long Tokens { get; }

    public DateTimeOffset ExpiresAt { get; }

    /// <summary>Usage and reservation keys of each quota held, in pairs; the day is fixed at reservation.</summary>
    internal RedisKey[] Keys { get; }

    /// <summary>Reservation set member: the id and the amount, so an expired hold can be released by itself.</summary>
    internal string Member => $"{Id}:{Tokens}";

    internal bool TryMarkSettled() => Interlocked.Exchange(ref _settled, 1) == 0;

    internal void UnmarkSettled() => Volatile.Write(ref _settled, 0);
}
