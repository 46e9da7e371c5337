using SecureRag.Gateway.RateLimiting;

namespace SecureRag.Gateway.Tests.RateLimiting;

[Collection(RedisCollection.Name)]
public sealed class RedisTokenQuotaTests(RedisServerFixture redis)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private readonly ManualTimeProvider _time = new();
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReservationIsRefusedWhenMaxTokensExceedWhatIsLeft()
    {
        await using var connection = await redis.ConnectAsync();
        var quota = Limiters.Tokens(connection, _time);
        var subject = Limiters.Subject(keyTokens: 1_000, tenantTokens: 5_000);

        var first = await quota.ReserveAsync(subject, 600, _ct);
        var tooMuch = await quota.ReserveAsync(subject, 401, _ct);
        var exact = await quota.ReserveAsync(subject, 400, _ct);

        Assert.True(first.Granted);
        Assert.False(tooMuch.Granted);
        Assert.Equal(RateLimitScope.ApiKey, tooMuch.Exhausted!.Scope);
        Assert.Equal(400, tooMuch.Exhausted.Remaining);
        Assert.Equal(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(5), tooMuch.Reset); // until midnight UTC
        Assert.True(exact.Granted);
    }

    [Fact]
    public async Task UsageShowsWhatIsHeldAndWhatWasSettled()
    {
        await using var connection = await redis.ConnectAsync();
        var quota = Limiters.Tokens(connection, _time);
        var subject = Limiters.Subject(keyTokens: 1_000, tenantTokens: 5_000, apiKeyId: "key-usage");

        var reservation = (await quota.ReserveAsync(subject, 300, _ct)).Reservation!;
        var held = await quota.GetUsageAsync(subject, _ct);
        await quota.SettleAsync(reservation, 120, _ct);
        var settled = await quota.GetUsageAsync(subject, _ct);

        var key = held.Single(u => u.Scope == RateLimitScope.ApiKey);
        Assert.Equal((1_000L, 0L, 300L, 700L), (key.Limit, key.Used, key.Reserved, key.Remaining));
        key = settled.Single(u => u.Scope == RateLimitScope.ApiKey);
        Assert.Equal((1_000L, 120L, 0L, 880L), (key.Limit, key.Used, key.Reserved, key.Remaining));
        Assert.Equal(120L, settled.Single(u => u.Scope == RateLimitScope.Tenant).Used);
    }

    [Fact]
    public async Task RefusedReservationHoldsNothingFromTheOtherQuotas()
    {
        await using var connection = await redis.ConnectAsync();
        var quota = Limiters.Tokens(connection, _time);
        var keyA = Limiters.Subject(keyTokens: 1_000, tenantTokens: 1_500, apiKeyId: "key-a");
        var keyB = keyA with { ApiKeyId = "key-b" };

        var refused = await quota.ReserveAsync(keyA, 1_200, _ct);
        var wholeTenant = await quota.ReserveAsync(keyB, 1_000, _ct);
        var rest = await quota.ReserveAsync(keyA, 500, _ct);

        Assert.False(refused.Granted);
        Assert.True(wholeTenant.Granted);
        Assert.True(rest.Granted);
        Assert.Equal(0, rest.Counters.Single(c => c.Scope == RateLimitScope.Tenant).Remaining);
    }

    [Fact]
    public async Task SettlingReleasesTheUnusedPartOnce()
    {
        await using var connection = await redis.ConnectAsync();
        var quota = Limiters.Tokens(connection, _time);
        var subject = Limiters.Subject(userTokens: 1_000);

        var reservation = (await quota.ReserveAsync(subject, 800, _ct)).Reservation!;
        var whileHeld = await quota.ReserveAsync(subject, 201, _ct);
        await quota.SettleAsync(reservation, 100, _ct);
        await quota.SettleAsync(reservation, 100, _ct); // a repeat must not count the usage twice
        var afterSettle = await quota.ReserveAsync(subject, 900, _ct);
        var overflow = await quota.ReserveAsync(subject, 1, _ct);

        Assert.False(whileHeld.Granted);
        Assert.True(afterSettle.Granted);
        Assert.Equal(1_000, afterSettle.Counters.Single().Used);
        Assert.False(overflow.Granted);
        Assert.Equal(RateLimitScope.User, overflow.Exhausted!.Scope);
    }

    [Fact]
    public async Task LapsedReservationIsReleasedAndItsLateSettlementCountsOnlyTheUsage()
    {
        await using var connection = await redis.ConnectAsync();
        var quota = Limiters.Tokens(connection, _time, new RateLimitingOptions { ReservationTimeout = Timeout });
        var subject = Limiters.Subject(keyTokens: 1_000);

        var crashed = (await quota.ReserveAsync(subject, 1_000, _ct)).Reservation!;
        var whileHeld = await quota.ReserveAsync(subject, 1, _ct);
        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        var justBeforeLapse = await quota.ReserveAsync(subject, 1, _ct);
        _time.Advance(TimeSpan.FromSeconds(2));
        var afterLapse = await quota.ReserveAsync(subject, 500, _ct);
        await quota.SettleAsync(crashed, 200, _ct);
        var tooMuch = await quota.ReserveAsync(subject, 301, _ct);
        var rest = await quota.ReserveAsync(subject, 300, _ct);

        Assert.False(whileHeld.Granted);
        Assert.False(justBeforeLapse.Granted);
        Assert.True(afterLapse.Granted);
        // 200 used by the late settlement + 500 held: its 1,000 were released once, not twice.
        Assert.False(tooMuch.Granted);
        Assert.True(rest.Granted);
    }

    [Fact]
    public async Task ExactlyTheQuotaIsReservedUnder200ConcurrentRequestsAcrossTwoReplicas()
    {
        await using var replicaA = await redis.ConnectAsync();
        await using var replicaB = await redis.ConnectAsync();
        ITokenQuota[] replicas = [Limiters.Tokens(replicaA, _time), Limiters.Tokens(replicaB, _time)];
        var subject = Limiters.Subject(keyTokens: 1_000, tenantTokens: 50_000);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var reservations = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await replicas[i % 2].ReserveAsync(subject, 10, _ct);
        }));
        var all = Task.WhenAll(reservations);
        start.SetResult();
        var decisions = await all;

        Assert.Equal(100, decisions.Count(d => d.Granted));
        Assert.All(decisions.Where(d => !d.Granted), d => Assert.Equal(RateLimitScope.ApiKey, d.Exhausted!.Scope));
    }
}
