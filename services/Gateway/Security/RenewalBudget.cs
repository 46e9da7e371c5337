namespace SecureRag.Gateway.Security;

/// <summary>
/// How many background renewals a replica may start: a token bucket refilled at a steady rate, holding a tenth of a
/// second's worth. Credentials first used together come due together (after a quiet spell, say); without a budget
/// their renewals would reach Auth as one burst and take the CPU from the requests being served. An entry refused
/// a renewal stays in use and asks again on its next request; only expiry sends a request to Auth in the foreground.
/// </summary>
internal sealed class RenewalBudget(double perSecond, TimeProvider time)
{
    private readonly double _capacity = Math.Max(1, perSecond / 10);
    private readonly Lock _lock = new();
    private double _tokens = Math.Max(1, perSecond / 10);
    private DateTimeOffset _refilledAt = time.GetUtcNow();

    public bool TryTake()
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            _tokens = Math.Min(_capacity, _tokens + ((now - _refilledAt).TotalSeconds * perSecond));
            _refilledAt = now;
            if (_tokens < 1)
            {
                return false;
            }

            _tokens--;
            return true;
        }
    }
}
