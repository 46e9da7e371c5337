using System.Net;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Identity;

public sealed class RateLimitTests(PlatformFixture platform)
{
    [Fact]
    public async Task LimitHoldsExactlyUnderConcurrencyAcrossBothGateways()
    {
        const int limit = 50;
        var tenant = await platform.Client.CreateTenantAsync("rate-limit");
        var (_, builder, _) = await tenant.CreateUserWithKeyAsync("builder", ["builder"]);
        var app = await platform.Client.SendAsync(builder, HttpMethod.Post, "/v1/apps",
            new { name = "limited", audience = "internal", limits = new { requestsPerMinutePerKey = limit } });
        var (key, _) = await tenant.CreateKeyAsync(new { name = "client app", appId = app["id"]!.GetValue<string>(), scopes = new[] { "query" } });
        using var first = platform.Client.Gateway(key, replica: 0);
        using var second = platform.Client.Gateway(key, replica: 1);

        var responses = await Task.WhenAll(Enumerable.Range(0, 200).Select(async i =>
        {
            using var response = await (i % 2 == 0 ? first : second).GetAsync("/v1/me");
            return (response.StatusCode, RetryAfter: response.Headers.RetryAfter, Remaining: response.Headers.TryGetValues("RateLimit-Remaining", out var r));
        }));

        Assert.Equal(limit, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(200 - limit, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.NotNull(r.RetryAfter));
    }
}
