using System.Net.Http.Json;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Testing;

namespace SecureRag.Hosting.Tests;

/// <summary>A connection string in configuration selects an existing server instead of a private one.</summary>
public sealed class ExternalServerTests(ServersFixture fixture)
{
    [Fact]
    public async Task ConfiguredConnectionStringIsUsedInsteadOfStartingAServer()
    {
        var ct = TestContext.Current.CancellationToken;
        var existing = fixture.App.GetConnectionString("cache");
        await using var app = await DistributedApplicationTestingBuilder.Create(
            b =>
            {
                var cache = b.AddRedis("cache");
                b.AddTestService("client").WithReference(cache).WaitFor(cache);
            },
            o => o.Configuration["ConnectionStrings:cache"] = existing).BuildAsync(ct);
        await app.StartAsync(ct);

        Assert.Equal(ResourceState.Healthy, app.GetResourceState("cache"));
        Assert.Null(app.ResourceNotifications.GetSnapshot("cache").Instances.Single().ProcessId);
        Assert.Empty(ProcessTable.UsingDirectory(app.DataDirectory));
        Assert.Equal(existing, app.GetConnectionString("cache"));
        using var client = app.CreateHttpClient("client");
        var environment = await client.GetFromJsonAsync<Dictionary<string, string?>>("/environment", ct);
        Assert.Equal(existing, environment!["ConnectionStrings__cache"]);
    }
}
