using Grpc.Core;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed class GenerationTests(RuntimeFixture fixture) : IClassFixture<RuntimeFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task GenerateReturnsTheAnswerWithUsageCitationsAndCanary()
    {
        var response = await fixture.Host.Service.Generate(Requests.Generate("llm"), new TestCallContext(Callers.Member, Token));

        Assert.Equal(FakeModelRuntime.Answer, response.Text);
        Assert.Equal("llm", response.Model);
        Assert.Equal((42, 7, 49), (response.Usage.PromptTokens, response.Usage.CompletionTokens, response.Usage.TotalTokens));
        Assert.Equal(FinishReason.Stop, response.FinishReason);
        Assert.Equal(["chunk-a", "chunk-b"], response.Citations.Select(c => c.PassageId));
        Assert.StartsWith("CANARY-", response.Canary);
        Assert.Equal(["chunk-a", "chunk-b"], response.Prompt.IncludedPassageIds);
    }

    [Fact]
    public async Task ThePromptHasTheSystemPromptFirstThenCanaryFencedPassagesConversationAndQuestion()
    {
        var response = await fixture.Host.Service.Generate(Requests.Generate("llm"), new TestCallContext(Callers.Member, Token));

        var sent = fixture.Runtime.Requests.Last(r => r.Model == "echo-ok" && r.Body.Contains(response.Canary, StringComparison.Ordinal));
        var messages = sent.Messages;
        Assert.Equal(["system", "user", "assistant", "user"], messages.Select(m => m!["role"]!.GetValue<string>()));
        var system = RecordedRequest.Text(messages[0]!);
        Assert.StartsWith(Requests.SystemPrompt, system);
        var precedence = system.IndexOf("take precedence", StringComparison.Ordinal);
        var canary = system.IndexOf(response.Canary, StringComparison.Ordinal);
        var begin = system.IndexOf(" BEGIN>>>", StringComparison.Ordinal);
        var passage = system.IndexOf("Paris is the capital of France.", StringComparison.Ordinal);
        var end = system.IndexOf(" END>>>", StringComparison.Ordinal);
        Assert.True(precedence > 0 && canary > precedence && begin > canary && passage > begin && end > passage, system);
        Assert.Contains("untrusted data", system);
        Assert.Contains("[1] France — Cities", system);
        Assert.Equal("Hello there", RecordedRequest.Text(messages[1]!));
        Assert.Equal("What is the capital of France?", RecordedRequest.Text(messages[3]!));
    }

    [Fact]
    public async Task EveryRequestGetsItsOwnCanary()
    {
        var first = await fixture.Host.Service.Generate(Requests.Generate("llm"), new TestCallContext(Callers.Member, Token));
        var second = await fixture.Host.Service.Generate(Requests.Generate("llm"), new TestCallContext(Callers.Member, Token));

        Assert.NotEqual(first.Canary, second.Canary);
    }

    [Fact]
    public async Task StreamingSendsStartThenDeltasThenUsage()
    {
        var writer = new TestStreamWriter<GenerateStreamEvent>();

        await fixture.Host.Service.GenerateStream(Requests.Generate("llm"), writer, new TestCallContext(Callers.Member, Token));

        var events = writer.Messages.ToList();
        Assert.Equal(GenerateStreamEvent.EventOneofCase.Started, events[0].EventCase);
        Assert.StartsWith("CANARY-", events[0].Started.Canary);
        Assert.Equal(FakeModelRuntime.Answer, string.Concat(events.Where(e => e.Delta is not null).Select(e => e.Delta.Text)));
        Assert.True(events.Count(e => e.Delta is not null) >= 3);
        var completed = Assert.Single(events, e => e.Completed is not null).Completed;
        Assert.Same(completed, events[^1].Completed);
        Assert.Equal((40, 12), (completed.Usage.PromptTokens, completed.Usage.CompletionTokens));
        Assert.Equal(FinishReason.Stop, completed.FinishReason);
        Assert.Equal(["1", "2"], completed.Citations.Select(c => c.CitationId));
    }

    [Fact]
    public async Task UsageIsCountedWhenTheRuntimeReportsNone()
    {
        var response = await fixture.Host.Service.Generate(Requests.Generate("llm-no-usage"), new TestCallContext(Callers.Member, Token));
        var writer = new TestStreamWriter<GenerateStreamEvent>();
        await fixture.Host.Service.GenerateStream(Requests.Generate("llm-no-usage"), writer, new TestCallContext(Callers.Member, Token));

        Assert.InRange(response.Usage.PromptTokens, 100, 2000);
        Assert.InRange(response.Usage.CompletionTokens, 10, 30);
        Assert.Equal(response.Usage.CompletionTokens, writer.Messages.Last().Completed.Usage.CompletionTokens);
    }

    [Fact]
    public async Task ASlowRuntimeTimesOutWithDeadlineExceededAndTheRequestIsAborted()
    {
        var aborted = fixture.Runtime.AbortSignal("slow").Task;
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("llm-slow"), new TestCallContext(Callers.Member, Token)));

        Assert.Equal(StatusCode.DeadlineExceeded, error.StatusCode);
        Assert.Contains("llm-slow", error.Status.Detail);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        await aborted.WaitAsync(TimeSpan.FromSeconds(5), Token);
    }

    [Fact]
    public async Task CancellationByTheCallerReachesTheRuntime()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var aborts = fixture.Runtime.AbortSignal("slow-cancel").Task;
        var generation = fixture.Host.Service.Generate(Requests.Generate("llm-slow-cancel"), new TestCallContext(Callers.Member, caller.Token));
        // Cancel once the runtime is working on it, however long the request took to arrive.
        await fixture.Runtime.ReceivedSignal("slow-cancel").Task.WaitAsync(TimeSpan.FromSeconds(20), Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => generation);

        await aborts.WaitAsync(TimeSpan.FromSeconds(5), Token);
    }

    [Fact]
    public async Task StreamingStopsPromptlyWhenTheCallerGoesAway()
    {
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var aborted = fixture.Runtime.AbortSignal("slow-stream").Task;
        var writer = new TestStreamWriter<GenerateStreamEvent>
        {
            OnWrite = e =>
            {
                if (e.Delta is not null)
                {
                    caller.Cancel();
                }
            },
        };
        var started = DateTime.UtcNow;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            fixture.Host.Service.GenerateStream(Requests.Generate("llm-slow-stream"), writer, new TestCallContext(Callers.Member, caller.Token)));

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3));
        Assert.Equal(1, writer.Messages.Count(m => m.Delta is not null));
        await aborted.WaitAsync(TimeSpan.FromSeconds(3), Token);
    }

    [Fact]
    public async Task ARuntimeThatIsDownGivesUnavailableWithAClearMessage()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("llm-down"), new TestCallContext(Callers.Member, Token)));

        Assert.Equal(StatusCode.Unavailable, error.StatusCode);
        Assert.Contains("model 'llm-down' at 127.0.0.1:9", error.Status.Detail);
    }

    [Fact]
    public async Task ARuntimeErrorGivesUnavailableAndARejectedRequestFailedPrecondition()
    {
        var serverError = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("llm-500"), new TestCallContext(Callers.Member, Token)));
        var rejected = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("llm-400"), new TestCallContext(Callers.Member, Token)));

        Assert.Equal(StatusCode.Unavailable, serverError.StatusCode);
        Assert.Contains("HTTP 500", serverError.Status.Detail);
        Assert.Equal(StatusCode.FailedPrecondition, rejected.StatusCode);
        Assert.Contains("HTTP 400", rejected.Status.Detail);
        Assert.Equal(1, fixture.Runtime.CountFor("error-400"));
        Assert.Equal(1, fixture.Runtime.CountFor("error-500"));
    }

    [Fact]
    public async Task AnUnknownModelOrTheWrongKindIsNotFound()
    {
        var unknown = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("gpt-4o"), new TestCallContext(Callers.Member, Token)));
        var wrongKind = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Host.Service.Generate(Requests.Generate("embedder"), new TestCallContext(Callers.Member, Token)));

        Assert.Equal(StatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(StatusCode.NotFound, wrongKind.StatusCode);
        Assert.Contains("embedding model", wrongKind.Status.Detail);
    }

    [Fact]
    public async Task RuntimeEmbeddingsReturnVectorsDimensionEmbedderIdAndUsage()
    {
        var request = new EmbedRequest { Model = "embedder", Inputs = { "one", "three" } };

        var response = await fixture.Host.Service.Embed(request, new TestCallContext(Callers.Member, Token));

        Assert.Equal(2, response.Embeddings.Count);
        Assert.Equal([3f, 1f, 0f, 0.5f], response.Embeddings[0].Values);
        Assert.Equal([5f, 1f, 0f, 0.5f], response.Embeddings[1].Values);
        Assert.Equal(4, response.Dimension);
        Assert.Equal("embed-small", response.EmbedderId);
        Assert.Equal(6, response.Usage.PromptTokens);
    }

    [Fact]
    public async Task ListModelsNamesModelsWithoutEndpoints()
    {
        var response = await fixture.Host.Service.ListModels(new ListModelsRequest(), new TestCallContext(Callers.Member, Token));

        Assert.Contains(response.Models, m => m is { Name: "extractive", Embedded: true, IsDefault: true, Kind: ModelKind.Chat });
        Assert.Contains(response.Models, m => m is { Name: "hashed", EmbedderId: "hashed-v1-384", Dimension: 384 });
        Assert.Contains(response.Models, m => m is { Name: "llm", Embedded: false, ContextWindow: 8192 });
        Assert.DoesNotContain("runtime.test", response.ToString());
    }
}
