using Grpc.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SecureRag.Gateway.Security;
using SecureRag.Gateway.Tests.RateLimiting;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Tests.Security;

/// <summary>A cached authentication in use is renewed before it expires, and a renewal never outlives a revocation.</summary>
public sealed class PrincipalCacheTests
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly ManualTimeProvider _time = new();
    private readonly PrincipalCache _cache;

    public PrincipalCacheTests() =>
        _cache = new PrincipalCache(Options.Create(new GatewayOptions()), _time, NullLogger<PrincipalCache>.Instance);

    [Fact]
    public async Task AnEntryDueForRenewalIsServedAtOnceAndRenewedInTheBackground()
    {
        await _cache.GetOrAuthenticateAsync("k", () => Answer("first"));
        _time.Advance(TimeSpan.FromSeconds(50));
        var renewal = new TaskCompletionSource<CachedAuthentication>();

        Assert.True(_cache.TryGetFresh("k", () => renewal.Task, out var served));
        Assert.Equal("first", served.Caller.Principal.PrincipalId);
        renewal.SetResult(await Answer("second"));
        _time.Advance(TimeSpan.FromSeconds(30)); // past the first answer's expiry

        Assert.True(_cache.TryGetFresh("k", () => throw new InvalidOperationException("not due"), out var renewed));
        Assert.Equal("second", renewed.Caller.Principal.PrincipalId);
    }

    [Fact]
    public async Task AnEntryEarlyInItsLifeIsNotRenewedAndConcurrentLookupsStartOneRenewal()
    {
        await _cache.GetOrAuthenticateAsync("k", () => Answer("first"));
        var asked = 0;
        var renewal = new TaskCompletionSource<CachedAuthentication>();
        Task<CachedAuthentication> Renew()
        {
            Interlocked.Increment(ref asked);
            return renewal.Task;
        }

        _time.Advance(TimeSpan.FromSeconds(25)); // renewal is due between 30 and 45 s
        Assert.True(_cache.TryGetFresh("k", Renew, out _));
        Assert.Equal(0, asked);

        _time.Advance(TimeSpan.FromSeconds(25));
        for (var i = 0; i < 10; i++)
        {
            Assert.True(_cache.TryGetFresh("k", Renew, out _));
        }

        Assert.Equal(1, asked);
        renewal.SetResult(await Answer("second"));
    }

    [Fact]
    public async Task ARenewalRefusedByAuthEvictsTheEntry()
    {
        await _cache.GetOrAuthenticateAsync("k", () => Answer("first"));
        _time.Advance(TimeSpan.FromSeconds(50));

        Assert.True(_cache.TryGetFresh("k", () => Task.FromException<CachedAuthentication>(new RpcException(new Status(StatusCode.Unauthenticated, "revoked"))), out _));

        Assert.False(_cache.TryGetFresh("k", () => Answer("never"), out _));
    }

    [Fact]
    public async Task ARenewalThatFinishesAfterTheTenantWasEvictedDoesNotBringTheOldAnswerBack()
    {
        await _cache.GetOrAuthenticateAsync("k", () => Answer("first"));
        _time.Advance(TimeSpan.FromSeconds(50));
        var renewal = new TaskCompletionSource<CachedAuthentication>();
        Assert.True(_cache.TryGetFresh("k", () => renewal.Task, out _));

        _cache.EvictTenant("tenant");
        renewal.SetResult(await Answer("answered before the revocation"));

        Assert.False(_cache.TryGetFresh("k", () => Answer("never"), out _));
    }

    [Fact]
    public async Task AnUnreachableAuthLeavesTheEntryInUseUntilItExpires()
    {
        await _cache.GetOrAuthenticateAsync("k", () => Answer("first"));
        _time.Advance(TimeSpan.FromSeconds(50));

        Assert.True(_cache.TryGetFresh("k", () => Task.FromException<CachedAuthentication>(new RpcException(new Status(StatusCode.Unavailable, "down"))), out _));
        Assert.True(_cache.TryGetFresh("k", () => new TaskCompletionSource<CachedAuthentication>().Task, out var kept));
        Assert.Equal("first", kept.Caller.Principal.PrincipalId);

        _time.Advance(TimeSpan.FromSeconds(11));
        Assert.False(_cache.TryGetFresh("k", () => Answer("never"), out _));
    }

    [Fact]
    public async Task RenewalsComingDueTogetherAreSpreadAtTheConfiguredRateWhileEveryEntryStaysInUse()
    {
        var cache = await FilledCacheAsync(renewalsPerSecond: 100, entries: 50);
        var renewals = new PendingRenewals();

        _time.Advance(TimeSpan.FromSeconds(50)); // every entry is due
        for (var i = 0; i < 50; i++)
        {
            Assert.True(cache.TryGetFresh($"k{i}", renewals.Start, out var served));
            Assert.Equal("first", served.Caller.Principal.PrincipalId);
        }

        Assert.Equal(10, renewals.Started); // a tenth of a second's worth at once

        _time.Advance(TimeSpan.FromMilliseconds(50));
        UseAll(cache, 50, renewals);
        Assert.Equal(15, renewals.Started); // then 100 a second
    }

    [Fact]
    public async Task AnEntryCloseToExpiryIsRenewedWhenTheBudgetIsSpent()
    {
        var cache = await FilledCacheAsync(renewalsPerSecond: 1, entries: 20);
        var renewals = new PendingRenewals();

        _time.Advance(TimeSpan.FromSeconds(50)); // every entry is due; the budget allows one
        UseAll(cache, 20, renewals);
        Assert.Equal(1, renewals.Started);

        _time.Advance(TimeSpan.FromSeconds(7)); // 3 s left: within the last fifth of every renewal window
        UseAll(cache, 20, renewals);
        Assert.Equal(20, renewals.Started);
    }

    private static void UseAll(PrincipalCache cache, int entries, PendingRenewals renewals)
    {
        for (var i = 0; i < entries; i++)
        {
            Assert.True(cache.TryGetFresh($"k{i}", renewals.Start, out _));
        }
    }

    private async Task<PrincipalCache> FilledCacheAsync(int renewalsPerSecond, int entries)
    {
        var cache = new PrincipalCache(
            Options.Create(new GatewayOptions { PrincipalRenewalsPerSecond = renewalsPerSecond }), _time, NullLogger<PrincipalCache>.Instance);
        for (var i = 0; i < entries; i++)
        {
            await cache.GetOrAuthenticateAsync($"k{i}", () => Answer("first"));
        }

        return cache;
    }

    private Task<CachedAuthentication> Answer(string principal)
    {
        var caller = new GatewayCaller(
            new CallerPrincipal("tenant", principal, PrincipalKind.ApiKey, [], [], null, ["query"]), principal, null, null, new Dictionary<string, string>());
        var now = _time.GetUtcNow();
        return Task.FromResult(CachedAuthentication.Create(caller, [], now + Lifetime, now));
    }

    /// <summary>Counts the renewals started; none of them ever finishes.</summary>
    private sealed class PendingRenewals
    {
        private int _started;

        public int Started => Volatile.Read(ref _started);

        public Task<CachedAuthentication> Start()
        {
            Interlocked.Increment(ref _started);
            return new TaskCompletionSource<CachedAuthentication>().Task;
        }
    }
}
