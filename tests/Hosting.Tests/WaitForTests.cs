using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Testing;

namespace SecureRag.Hosting.Tests;

/// <summary>WaitFor holds a project back until what it waits for is healthy.</summary>
public sealed class WaitForTests
{
    [Fact]
    public async Task ProjectWaitingForAStoppedDependencyDoesNotStartUntilTheDependencyIsHealthy()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DistributedApplicationTestingBuilder.Create(b =>
        {
            var cache = b.AddRedis("cache");
            b.AddTestService("waiter").WithReference(cache).WaitFor(cache);
        }).BuildAsync(ct);
        await app.StartAsync(ct);

        await app.StopResourceAsync("waiter", ct);
        await app.StopResourceAsync("cache", ct);
        Assert.Equal(ResourceState.Stopped, app.GetResourceState("cache"));

        await app.StartResourceAsync("waiter", ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TestModel.Timeout);
        await app.ResourceNotifications.WaitForStateAsync("waiter", ResourceState.Waiting, timeout.Token);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var held = app.ResourceNotifications.GetSnapshot("waiter").Instances.Single();
        Assert.Equal(ResourceState.Waiting, held.State);
        Assert.Null(held.ProcessId);
        Assert.Equal("waiting for cache", held.Message);

        await app.StartResourceAsync("cache", ct);
        var cache = (await app.WaitForResourceHealthyAsync("cache", TestModel.Timeout, ct)).Instances.Single();
        var waiter = (await app.WaitForResourceHealthyAsync("waiter", TestModel.Timeout, ct)).Instances.Single();
        Assert.True(waiter.StartedAt >= cache.HealthyAt, $"waiter started at {waiter.StartedAt:O}, cache healthy at {cache.HealthyAt:O}");
    }
}
