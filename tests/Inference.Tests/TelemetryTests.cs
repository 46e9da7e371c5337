using System.Collections.Concurrent;
using System.Diagnostics;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed class TelemetryTests
{
    [Fact]
    public async Task EveryModelCallIsTracedWithModelHostAndTokensButNoPromptText()
    {
        var token = TestContext.Current.CancellationToken;
        await using var runtime = new FakeModelRuntime();
        await runtime.InitializeAsync();
        var resolver = new FakeResolver().Map("runtime.test", "127.0.0.1");
        await using var host = await InferenceTestHost.StartAsync(
            InferenceTestHost.Model("llm", new Uri($"http://runtime.test:{runtime.Port}/v1"), "echo-ok"), resolver);
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == host.TelemetryName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);

        var answer = await host.Service.Generate(Requests.Generate("llm"), new TestCallContext(Callers.Member, token));
        await host.Service.GenerateStream(Requests.Generate("llm"), new TestStreamWriter<GenerateStreamEvent>(), new TestCallContext(Callers.Member, token));
        await host.Service.Generate(Requests.Generate(""), new TestCallContext(Callers.Member, token));
        await host.Service.Embed(new EmbedRequest { Inputs = { "quarterly report" } }, new TestCallContext(Callers.Member, token));

        Assert.Equal(4, spans.Count);
        var chat = spans.First();
        Assert.Equal("chat llm", chat.DisplayName);
        Assert.Equal($"runtime.test:{runtime.Port}", chat.GetTagItem("server.address"));
        Assert.Equal("echo-ok", chat.GetTagItem("gen_ai.request.model"));
        Assert.Equal(42, chat.GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Equal(7, chat.GetTagItem("gen_ai.usage.output_tokens"));
        Assert.Equal("tenant-1", chat.GetTagItem("securerag.tenant_id"));
        Assert.Equal("app-1", chat.GetTagItem("securerag.app_id"));
        Assert.Equal(40, spans.ElementAt(1).GetTagItem("gen_ai.usage.input_tokens"));
        Assert.Contains(spans, s => s.DisplayName == "chat extractive" && (string?)s.GetTagItem("server.address") == "embedded");
        Assert.Contains(spans, s => s.DisplayName == "embeddings hashed");

        string[] secrets = [Requests.SystemPrompt, "capital of France", "Paris is the capital", answer.Canary, "quarterly report", FakeModelRuntime.Answer];
        var recorded = spans.SelectMany(s => s.TagObjects.Select(t => $"{t.Value}").Concat(s.Events.Select(e => e.Name)).Append(s.DisplayName).Append(s.StatusDescription ?? ""));
        Assert.DoesNotContain(recorded, value => secrets.Any(secret => value.Contains(secret, StringComparison.Ordinal)));
    }
}
