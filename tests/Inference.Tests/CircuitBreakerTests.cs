using Grpc.Core;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task AFailingRuntimeIsPausedAndFailsFastWithUnavailable()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var runtime = new FakeModelRuntime();
        await runtime.InitializeAsync();
        var resolver = new FakeResolver().Map("flaky.test", "127.0.0.1");
        await using var host = await InferenceTestHost.StartAsync(
            InferenceTestHost.Model("flaky", new Uri($"http://flaky.test:{runtime.Port}/v1"), "error-503"), resolver);

        for (var i = 0; i < 4; i++)
        {
            var failure = await Assert.ThrowsAsync<RpcException>(() =>
                host.Service.Generate(Requests.Generate("flaky"), new TestCallContext(Callers.Member, cancellationToken)));
            Assert.Equal(StatusCode.Unavailable, failure.StatusCode);
        }

        var reached = runtime.CountFor("error-503");
        var paused = await Assert.ThrowsAsync<RpcException>(() =>
            host.Service.Generate(Requests.Generate("flaky"), new TestCallContext(Callers.Member, cancellationToken)));

        Assert.Equal(StatusCode.Unavailable, paused.StatusCode);
        Assert.Contains("paused", paused.Status.Detail);
        Assert.Equal(reached, runtime.CountFor("error-503"));
    }
}
