using System.Net;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Query;

/// <summary>
/// Quotas are reserved before any work (the request's maximum: its completion budget, capped by the app, plus the
/// Gateway's prompt allowance of 2,048 tokens) and settled with the actual usage.
/// </summary>
[Collection(QueryCollection.Name)]
public sealed class QuotaTests(QueryFixture fixture)
{
    [Fact]
    public async Task RequestWhoseMaximumExceedsTheRemainingQuotaIsRefusedBeforeGeneration()
    {
        var (appId, key) = await fixture.CreateAppAsync("quota-small", HostileModel.ModelName, limits: new { tokensPerDayPerKey = 2000 });
        var question = $"How soon are travel expenses reimbursed? {Guid.NewGuid():N}";

        var (status, body) = await fixture.AskAsync(key, appId, question, maxTokens: 500);
        var quota = await fixture.Client.SendAsync(key, HttpMethod.Get, "/v1/quota");

        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("quota_exhausted", body["code"]!.GetValue<string>());
        Assert.Equal(0, fixture.Hostile.CountAsking(question));
        var perKey = quota["quotas"]!.AsArray().Single(q => q!["scope"]!.GetValue<string>() == "apikey")!;
        Assert.Equal(0, perKey["used"]!.GetValue<long>());
        Assert.Equal(0, perKey["reserved"]!.GetValue<long>());
    }

    [Fact]
    public async Task QuotaReflectsTheActualUsageAfterAQueryAndTheAppCapsMaxTokens()
    {
        // Uncapped, 100,000 completion tokens could never fit a quota of 4,000; capped at 1,000 the request fits.
        var (appId, key) = await fixture.CreateAppAsync("quota-settle", HostileModel.ModelName, limits: new { tokensPerDayPerKey = 4000, maxTokensPerRequest = 1000 });

        var (status, body) = await fixture.AskAsync(key, appId, "How soon are travel expenses reimbursed?", maxTokens: 100_000);
        var quota = await fixture.Client.SendAsync(key, HttpMethod.Get, "/v1/quota");

        Assert.True(status == HttpStatusCode.OK, body.ToJsonString());
        var used = body["usage"]!["totalTokens"]!.GetValue<int>();
        Assert.True(used > 0);
        var perKey = quota["quotas"]!.AsArray().Single(q => q!["scope"]!.GetValue<string>() == "apikey")!;
        Assert.Equal(4000, perKey["limit"]!.GetValue<long>());
        Assert.Equal(used, perKey["used"]!.GetValue<long>());
        Assert.Equal(0, perKey["reserved"]!.GetValue<long>());
    }
}
