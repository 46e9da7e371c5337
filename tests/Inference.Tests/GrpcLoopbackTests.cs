using Grpc.Core;
using Grpc.Net.Client;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Bench;
using SecureRag.Inference.Tests.Fakes;
using InferenceClient = SecureRag.Contracts.Inference.Inference.InferenceClient;

namespace SecureRag.Inference.Tests;

/// <summary>Through a real gRPC channel to the service on a loopback HTTP/2 port: the benchmark's host.</summary>
public sealed class GrpcLoopbackTests
{
    [Fact]
    public async Task ExtractiveAnswersAndEmbeddingsArriveOverGrpc()
    {
        var token = TestContext.Current.CancellationToken;
        await using var app = await BenchHost.StartAsync();
        using var channel = GrpcChannel.ForAddress(app.Urls.First());
        var client = new InferenceClient(channel);

        var answer = await client.GenerateAsync(Requests.Generate("", "How many inhabitants does Paris have?"), cancellationToken: token);
        var vectors = await client.EmbedAsync(new EmbedRequest { Inputs = { "travel policy", "hotel" } }, cancellationToken: token);

        Assert.Equal("extractive", answer.Model);
        Assert.Contains("It has about two million inhabitants. [1]", answer.Text);
        Assert.Equal("hashed-v1-384", vectors.EmbedderId);
        Assert.Equal(2, vectors.Embeddings.Count);
    }

    [Fact]
    public async Task AStreamStopsAtTheRuntimeWhenTheClientCancelsMidStream()
    {
        var token = TestContext.Current.CancellationToken;
        await using var runtime = new FakeModelRuntime();
        await runtime.InitializeAsync();
        var resolver = new FakeResolver().Map("runtime.test", "127.0.0.1");
        await using var app = await BenchHost.StartAsync(
            InferenceTestHost.Model("slow", new Uri($"http://runtime.test:{runtime.Port}/v1"), "slow-stream"), resolver);
        using var channel = GrpcChannel.ForAddress(app.Urls.First());
        var client = new InferenceClient(channel);
        var aborted = runtime.AbortSignal("slow-stream").Task;
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(token);

        using var call = client.GenerateStream(Requests.Generate("slow"), cancellationToken: cancel.Token);
        Assert.True(await call.ResponseStream.MoveNext(token));
        Assert.NotEmpty(call.ResponseStream.Current.Started.Canary);
        Assert.True(await call.ResponseStream.MoveNext(token));
        Assert.Equal("tick ", call.ResponseStream.Current.Delta.Text);
        await cancel.CancelAsync();

        var error = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
        await aborted.WaitAsync(TimeSpan.FromSeconds(3), token);
    }
}
