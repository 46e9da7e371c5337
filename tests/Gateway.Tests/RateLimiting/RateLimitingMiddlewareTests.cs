using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.RateLimiting;

namespace SecureRag.Gateway.Tests.RateLimiting;

[Collection(RedisCollection.Name)]
public sealed class RateLimitingMiddlewareTests(RedisServerFixture redis)
{
    private readonly ManualTimeProvider _time = new();
    private readonly string _tenant = Guid.NewGuid().ToString("N");
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task ExactlyTheLimitSucceedsUnder200ConcurrentRequestsAgainstTwoGateways()
    {
        await using var gatewayA = await TestGateway.StartAsync(redis.ConnectionString, _time);
        await using var gatewayB = await TestGateway.StartAsync(redis.ConnectionString, _time);
        TestGateway[] gateways = [gatewayA, gatewayB];

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            gateways[i % 2].Client.SendAsync(Get("/ping", "50,0,0,0,0,0"), _ct)));

        Assert.Equal(50, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(150, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.True(gatewayA.Audit.Hits.Count > 0 && gatewayB.Audit.Hits.Count > 0);
        Assert.Equal(150, gatewayA.Audit.Hits.Count + gatewayB.Audit.Hits.Count);
        Assert.All(gatewayA.Audit.Hits, h => Assert.Equal(RateLimitProblems.RateLimitedCode, h.Code));
        // Refusals are numbered across both replicas, so an auditor can keep only the first per limit and minute.
        Assert.Equal(
            Enumerable.Range(1, 150).Select(i => (long)i),
            gatewayA.Audit.Hits.Concat(gatewayB.Audit.Hits).Select(h => h.Refusals).Order());
    }

    [Fact]
    public async Task RefusalIs429WithRetryAfterProblemDetailsAndRateLimitHeaders()
    {
        await using var gateway = await TestGateway.StartAsync(redis.ConnectionString, _time);

        using var first = await gateway.Client.SendAsync(Get("/ping", "2,0,100,0,0,0"), _ct);
        using var second = await gateway.Client.SendAsync(Get("/ping", "2,0,100,0,0,0"), _ct);
        using var refused = await gateway.Client.SendAsync(Get("/ping", "2,0,100,0,0,0"), _ct);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(("2", "1", "55", "2;w=60, 100;w=60"), Headers(first));
        Assert.Equal(("2", "0", "55", "2;w=60, 100;w=60"), Headers(second));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(("2", "0", "55", "2;w=60, 100;w=60"), Headers(refused));
        Assert.Equal(TimeSpan.FromSeconds(55), refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("urn:securerag:problem:rate_limited", problem.GetProperty("type").GetString());
        Assert.Equal("rate_limited", problem.GetProperty("code").GetString());
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        var hit = Assert.Single(gateway.Audit.Hits);
        Assert.Equal((_tenant, RateLimitScope.ApiKey, "127.0.0.1"), (hit.Caller.Principal.TenantId, hit.Limit!.Scope, hit.ClientAddress));
    }

    [Fact]
    public async Task OptedOutEndpointsAndAnonymousRequestsAreNeitherLimitedNorCounted()
    {
        await using var gateway = await TestGateway.StartAsync(redis.ConnectionString, _time);
        using var exhausting = await gateway.Client.SendAsync(Get("/ping", "1,0,0,0,0,0"), _ct);

        using var refused = await gateway.Client.SendAsync(Get("/ping", "1,0,0,0,0,0"), _ct);
        using var optedOut = await gateway.Client.SendAsync(Get("/status", "1,0,0,0,0,0"), _ct);
        using var anonymous = await gateway.Client.GetAsync("/ping", _ct);

        Assert.Equal(HttpStatusCode.OK, exhausting.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, optedOut.StatusCode);
        Assert.False(optedOut.Headers.Contains(RateLimitHeaders.Limit));
        Assert.Equal(HttpStatusCode.OK, anonymous.StatusCode);
        Assert.False(anonymous.Headers.Contains(RateLimitHeaders.Limit));
    }

    [Fact]
    public async Task QuotaExhaustionIsDistinguishableFromRateLimiting()
    {
        await using var gateway = await TestGateway.StartAsync(redis.ConnectionString, _time);
        const string limits = "100,0,0,1000,0,0";

        using var generated = await gateway.Client.SendAsync(Post("/generate?max=800&used=100", limits), _ct);
        using var exhausted = await gateway.Client.SendAsync(Post("/generate?max=901&used=0", limits), _ct);
        using var fits = await gateway.Client.SendAsync(Post("/generate?max=900&used=900", limits), _ct);

        Assert.Equal(HttpStatusCode.OK, generated.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, exhausted.StatusCode);
        var problem = await exhausted.Content.ReadFromJsonAsync<JsonElement>(_ct);
        Assert.Equal("urn:securerag:problem:quota_exhausted", problem.GetProperty("type").GetString());
        Assert.Equal("quota_exhausted", problem.GetProperty("code").GetString());
        Assert.Equal(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(5), exhausted.Headers.RetryAfter?.Delta);
        Assert.Equal("98", exhausted.Headers.GetValues(RateLimitHeaders.Remaining).Single()); // still within the rate limit
        Assert.Equal(HttpStatusCode.OK, fits.StatusCode);
    }

    [Theory]
    [InlineData(false, HttpStatusCode.ServiceUnavailable)]
    [InlineData(true, HttpStatusCode.OK)]
    public async Task UnreachableRedisFailsClosedUnlessConfiguredOpen(bool failOpen, HttpStatusCode expected)
    {
        var deadRedis = $"127.0.0.1:{UnusedPort()},connectTimeout=200,asyncTimeout=300,syncTimeout=300";
        await using var gateway = await TestGateway.StartAsync(deadRedis, _time, new Dictionary<string, string?>
        {
            ["Gateway:RateLimiting:FailOpen"] = failOpen.ToString(),
        });

        using var response = await gateway.Client.SendAsync(Get("/ping", "5,0,0,0,0,0"), _ct);

        Assert.Equal(expected, response.StatusCode);
        Assert.False(response.Headers.Contains(RateLimitHeaders.Limit));
        if (!failOpen)
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(_ct);
            Assert.Equal(RateLimitProblems.UnavailableCode, problem.GetProperty("code").GetString());
        }
    }

    [Theory]
    [InlineData("DefaultPlan", "gold")]
    [InlineData("Plans:default:TenantRequestsPerMinute", "-1")]
    [InlineData("KeyPrefix", "rl:{x}")]
    [InlineData("ReservationTimeout", "00:00:00")]
    public async Task InvalidSettingsFailTheStart(string setting, string value)
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => TestGateway.StartAsync(
            redis.ConnectionString, _time, new Dictionary<string, string?> { [$"{RateLimitingOptions.SectionName}:{setting}"] = value }));

        Assert.Contains(setting.Split(':')[0], failure.Message, StringComparison.Ordinal);
    }

    private HttpRequestMessage Get(string path, string limits) => TestCaller.Request(HttpMethod.Get, path, _tenant, limits);

    private HttpRequestMessage Post(string path, string limits) => TestCaller.Request(HttpMethod.Post, path, _tenant, limits);

    private static (string, string, string, string) Headers(HttpResponseMessage response) => (
        response.Headers.GetValues(RateLimitHeaders.Limit).Single(),
        response.Headers.GetValues(RateLimitHeaders.Remaining).Single(),
        response.Headers.GetValues(RateLimitHeaders.Reset).Single(),
        response.Headers.GetValues(RateLimitHeaders.Policy).Single());

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
