using SecureRag.Gateway.RateLimiting;
using StackExchange.Redis;

namespace SecureRag.Gateway.Tests.RateLimiting;

[Collection(RedisCollection.Name)]
public sealed class RedisRateLimiterTests(RedisServerFixture redis)
{
    private readonly ManualTimeProvider _time = new();

    [Theory]
    [InlineData(50, 0, 0, 50)]
    [InlineData(50, 40, 30, 30)]
    [InlineData(0, 37, 1000, 37)]
    public async Task ExactlyTheLimitIsAdmittedUnder200ConcurrentRequestsAcrossTwoReplicas(
        int keyRpm, int userRpm, int tenantRpm, int expected)
    {
        await using var replicaA = await redis.ConnectAsync();
        await using var replicaB = await redis.ConnectAsync();
        IRateLimiter[] replicas = [Limiters.Requests(replicaA, _time), Limiters.Requests(replicaB, _time)];
        var subject = Limiters.Subject(keyRpm, userRpm, tenantRpm);
        var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        var requests = Enumerable.Range(0, 200).Select(i => Task.Run(async () =>
        {
            await start.Task;
            return await replicas[i % 2].AcquireAsync(subject, TestContext.Current.CancellationToken);
        }));
        var all = Task.WhenAll(requests);
        start.SetResult();
        var decisions = await all;

        var admitted = decisions.Where(d => d.Admitted).ToList();
        Assert.Equal(expected, admitted.Count);
        // Each admitted request took its own slot of the tightest limit: 1, 2, ..., limit.
        Assert.Equal(
            Enumerable.Range(1, expected).Select(i => (long)i),
            admitted.Select(d => d.Counters.Single(c => c.Limit == expected).Used).Order());
        Assert.All(decisions.Where(d => !d.Admitted), d => Assert.Equal(expected, d.Tightest!.Limit));
    }

    [Fact]
    public async Task RefusedRequestConsumesNothingFromTheOtherLimits()
    {
        await using var connection = await redis.ConnectAsync();
        var limiter = Limiters.Requests(connection, _time);
        var keyA = Limiters.Subject(keyRpm: 5, tenantRpm: 8, apiKeyId: "key-a");
        var keyB = keyA with { ApiKeyId = "key-b" };
        var ct = TestContext.Current.CancellationToken;

        var fromA = new List<RateLimitDecision>();
        for (var i = 0; i < 10; i++)
        {
            fromA.Add(await limiter.AcquireAsync(keyA, ct));
        }

        var fromB = new List<RateLimitDecision>();
        for (var i = 0; i < 10; i++)
        {
            fromB.Add(await limiter.AcquireAsync(keyB, ct));
        }

        Assert.Equal(5, fromA.Count(d => d.Admitted));
        Assert.All(fromA.Skip(5), d => Assert.Equal(RateLimitScope.ApiKey, d.Tightest!.Scope));
        Assert.Equal([1L, 2, 3, 4, 5], fromA.Skip(5).Select(d => d.Refusals));
        // Key A's five refusals left the tenant's count at 5 of 8, so key B still gets 3.
        Assert.Equal(3, fromB.Count(d => d.Admitted));
        Assert.All(fromB.Skip(3), d => Assert.Equal(RateLimitScope.Tenant, d.Tightest!.Scope));
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], fromB.Skip(3).Select(d => d.Refusals));
    }

    [Fact]
    public async Task NextWindowStartsAfresh()
    {
        await using var connection = await redis.ConnectAsync();
        var limiter = Limiters.Requests(connection, _time);
        var subject = Limiters.Subject(keyRpm: 3);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 3; i++)
        {
            Assert.True((await limiter.AcquireAsync(subject, ct)).Admitted);
        }

        var refused = await limiter.AcquireAsync(subject, ct);
        _time.Advance(TimeSpan.FromSeconds(54.9));
        var stillRefused = await limiter.AcquireAsync(subject, ct);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        var nextWindow = await limiter.AcquireAsync(subject, ct);

        Assert.False(refused.Admitted);
        Assert.Equal(TimeSpan.FromSeconds(55), refused.Reset); // the clock stands 5 s into the minute
        Assert.False(stillRefused.Admitted);
        Assert.True(nextWindow.Admitted);
        Assert.Equal(1, nextWindow.Counters.Single().Used);
        Assert.Equal(2, nextWindow.Tightest!.Remaining);
    }

    [Fact]
    public async Task WindowCountersExpireAndCarryTheTenantHashTag()
    {
        await using var connection = await redis.ConnectAsync(allowAdmin: true);
        var limiter = Limiters.Requests(connection, _time);
        var subject = Limiters.Subject(keyRpm: 10, userRpm: 10, tenantRpm: 10);

        await limiter.AcquireAsync(subject, TestContext.Current.CancellationToken);

        var server = connection.GetServers().Single();
        var keys = server.Keys(pattern: $"rl:{{{subject.TenantId}}}:rpm:*").ToList();
        Assert.Equal(3, keys.Count);
        foreach (var key in keys)
        {
            var ttl = await connection.GetDatabase().KeyTimeToLiveAsync(key);
            Assert.InRange(ttl!.Value, TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120));
        }
    }

    [Fact]
    public async Task ZeroLimitsAreUnlimitedAndCostNoRedisCommand()
    {
        await using var connection = await redis.ConnectAsync();
        var metrics = Limiters.Metrics();
        var limiter = Limiters.Requests(connection, _time, metrics);
        var subject = Limiters.Subject();

        var decisions = new List<RateLimitDecision>();
        for (var i = 0; i < 5; i++)
        {
            decisions.Add(await limiter.AcquireAsync(subject, TestContext.Current.CancellationToken));
        }

        Assert.All(decisions, d => Assert.True(d.Admitted));
        Assert.All(decisions, d => Assert.Null(d.Tightest));
        Assert.Equal(0, metrics.RedisCommands);
    }

    [Fact]
    public async Task DefaultPlanAppliesWhenAuthSuppliedNoLimits()
    {
        await using var connection = await redis.ConnectAsync();
        var options = new RateLimitingOptions();
        options.Plans["default"].ApiKeyRequestsPerMinute = 2;
        var limiter = Limiters.Requests(connection, _time, options: options);
        var subject = Limiters.Subject() with { Limits = null };
        var ct = TestContext.Current.CancellationToken;

        var first = await limiter.AcquireAsync(subject, ct);
        var second = await limiter.AcquireAsync(subject, ct);
        var third = await limiter.AcquireAsync(subject, ct);

        Assert.True(first.Admitted && second.Admitted);
        Assert.False(third.Admitted);
        Assert.Equal((RateLimitScope.ApiKey, 2L), (third.Tightest!.Scope, third.Tightest.Limit));
    }

    [Fact]
    public async Task EachCheckIsOneEvalShaAndSurvivesAScriptFlush()
    {
        await using var connection = await redis.ConnectAsync(allowAdmin: true);
        var metrics = Limiters.Metrics();
        var limiter = Limiters.Requests(connection, _time, metrics);
        var subject = Limiters.Subject(keyRpm: 100, userRpm: 100, tenantRpm: 100);
        var ct = TestContext.Current.CancellationToken;
        var server = connection.GetServers().Single();
        await limiter.AcquireAsync(subject, ct); // the script is known to the server from here on

        var before = await CommandCallsAsync(server);
        for (var i = 0; i < 20; i++)
        {
            await limiter.AcquireAsync(subject, ct);
        }

        var after = await CommandCallsAsync(server);
        await server.ScriptFlushAsync();
        var afterFlush = await limiter.AcquireAsync(subject, ct);

        Assert.Equal(20, after.EvalSha - before.EvalSha);
        Assert.Equal(0, after.Eval - before.Eval);
        Assert.True(afterFlush.Admitted);
        Assert.Equal(22, afterFlush.Tightest!.Used);
        Assert.Equal(1 + 20 + 2, metrics.RedisCommands); // NOSCRIPT, then EVAL once
    }

    private static async Task<(long EvalSha, long Eval)> CommandCallsAsync(IServer server)
    {
        var info = await server.InfoAsync("commandstats");
        var stats = info.SelectMany(g => g).ToDictionary(p => p.Key, p => p.Value);
        return (Calls(stats, "cmdstat_evalsha"), Calls(stats, "cmdstat_eval"));

        static long Calls(Dictionary<string, string> stats, string command) =>
            stats.TryGetValue(command, out var value)
                ? long.Parse(value.Split(',')[0]["calls=".Length..], System.Globalization.CultureInfo.InvariantCulture)
                : 0;
    }
}
