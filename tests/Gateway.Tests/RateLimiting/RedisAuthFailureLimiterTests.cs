using System.Net;

namespace SecureRag.Gateway.Tests.RateLimiting;

[Collection(RedisCollection.Name)]
public sealed class RedisAuthFailureLimiterTests(RedisServerFixture redis)
{
    private const int Threshold = 5;
    private readonly ManualTimeProvider _time = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddressIsBlockedOnceItReachesTheThresholdUntilTheMinuteEnds()
    {
        await using var connection = await redis.ConnectAsync();
        var limiter = Limiters.AuthFailures(connection, _time, Threshold);
        var attacker = RandomIPv4();
        var bystander = RandomIPv4();

        for (var i = 0; i < Threshold - 1; i++)
        {
            Assert.False((await limiter.RecordFailureAsync(attacker, _ct)).Blocked);
        }

        var beforeThreshold = await limiter.IsBlockedAsync(attacker, _ct);
        var reaching = await limiter.RecordFailureAsync(attacker, _ct);
        var blocked = await limiter.IsBlockedAsync(attacker, _ct);
        var other = await limiter.IsBlockedAsync(bystander, _ct);
        _time.Advance(blocked.RetryAfter);
        var nextMinute = await limiter.IsBlockedAsync(attacker, _ct);

        Assert.False(beforeThreshold.Blocked);
        Assert.True(reaching.Blocked);
        Assert.Equal(Threshold, reaching.Failures);
        Assert.True(blocked.Blocked);
        Assert.Equal(TimeSpan.FromSeconds(55), blocked.RetryAfter);
        Assert.False(other.Blocked);
        Assert.False(nextMinute.Blocked);
    }

    [Fact]
    public async Task IPv4MappedAddressesCountAsTheirIPv4Address()
    {
        await using var connection = await redis.ConnectAsync();
        var limiter = Limiters.AuthFailures(connection, _time, Threshold);
        var address = RandomIPv4();

        for (var i = 0; i < Threshold; i++)
        {
            await limiter.RecordFailureAsync(i % 2 == 0 ? address.MapToIPv6() : address, _ct);
        }

        var status = await limiter.IsBlockedAsync(address, _ct);
        Assert.True(status.Blocked);
        Assert.Equal(address.ToString(), status.Address);
    }

    [Fact]
    public async Task IPv6AddressesOfOneSlash64ShareACounter()
    {
        await using var connection = await redis.ConnectAsync();
        var limiter = Limiters.AuthFailures(connection, _time, Threshold);
        var prefix = $"2001:db8:{Random.Shared.Next(0xffff):x}:{Random.Shared.Next(0xffff):x}";

        for (var i = 0; i < Threshold; i++)
        {
            await limiter.RecordFailureAsync(IPAddress.Parse($"{prefix}::{i + 1:x}"), _ct);
        }

        var sameNetwork = await limiter.IsBlockedAsync(IPAddress.Parse($"{prefix}:ffff:ffff:ffff:ffff"), _ct);
        var neighbour = await limiter.IsBlockedAsync(IPAddress.Parse("2001:db8:ffff:ffff::1"), _ct);
        Assert.True(sameNetwork.Blocked);
        Assert.False(neighbour.Blocked);
    }

    private static IPAddress RandomIPv4() =>
        new([10, (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(256), (byte)Random.Shared.Next(1, 255)]);
}
