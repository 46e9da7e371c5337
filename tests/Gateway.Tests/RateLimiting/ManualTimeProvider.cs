namespace SecureRag.Gateway.Tests.RateLimiting;

/// <summary>A clock the test moves by hand; starts a few seconds into a minute.</summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now = new(2030, 1, 1, 12, 0, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
