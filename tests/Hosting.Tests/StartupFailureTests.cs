using SecureRag.Hosting.Testing;

namespace SecureRag.Hosting.Tests;

/// <summary>A start that cannot succeed fails within its bound, naming the culprit and showing its output.</summary>
public sealed class StartupFailureTests
{
    [Fact]
    public async Task StartupTimeoutNamesTheUnhealthyResourceAndShowsItsLastOutput()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DistributedApplicationTestingBuilder.Create(
            b => b.AddTestService("sulky").WithEnvironment("TestService__Healthy", "false"),
            o => o.StartupTimeout = TimeSpan.FromSeconds(10)).BuildAsync(ct);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => app.StartAsync(ct));

        Assert.Contains("sulky (Running)", error.Message, StringComparison.Ordinal);
        Assert.Contains("[sulky-0]", error.Message, StringComparison.Ordinal);
        Assert.Contains("Setting HTTP status code 503", error.Message, StringComparison.Ordinal); // the service's own output
    }

    [Fact]
    public async Task MissingBuildOutputFailsTheStartWithAClearError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = await DistributedApplicationTestingBuilder.Create(
            b => b.AddProject("ghost", "tests/Hosting.Tests/NoSuchProject/NoSuchProject.csproj")).BuildAsync(ct);

        var error = await Assert.ThrowsAsync<DistributedApplicationException>(() => app.StartAsync(ct));

        Assert.Contains("ghost (Failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("NoSuchProject.dll", error.Message, StringComparison.Ordinal);
    }
}
