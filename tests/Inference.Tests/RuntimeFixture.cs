using SecureRag.Inference.Tests.Fakes;

namespace SecureRag.Inference.Tests;

/// <summary>One fake runtime and one service host with a model per scenario, shared by the runtime tests.</summary>
public sealed class RuntimeFixture : IAsyncLifetime
{
    public FakeModelRuntime Runtime { get; } = new();

    public InferenceTestHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await Runtime.InitializeAsync();
        // Separate names are separate endpoints for the circuit breaker, so failing scenarios cannot open the others' circuit.
        var resolver = new FakeResolver().Map("runtime.test", "127.0.0.1").Map("errors.test", "127.0.0.1");
        var endpoint = new Uri($"http://runtime.test:{Runtime.Port}/v1");
        Host = await InferenceTestHost.StartAsync(Config.Merge(
            InferenceTestHost.Model("llm", endpoint, "echo-ok"),
            InferenceTestHost.Model("llm-no-usage", endpoint, "no-usage"),
            InferenceTestHost.Model("llm-slow", endpoint, "slow", timeout: "00:00:00.500"),
            InferenceTestHost.Model("llm-slow-cancel", endpoint, "slow-cancel"),
            InferenceTestHost.Model("llm-slow-stream", endpoint, "slow-stream"),
            InferenceTestHost.Model("llm-500", new Uri($"http://errors.test:{Runtime.Port}/v1"), "error-500"),
            InferenceTestHost.Model("llm-400", endpoint, "error-400"),
            InferenceTestHost.Model("llm-down", new Uri("http://127.0.0.1:9/v1"), "echo-ok"),
            InferenceTestHost.Model("embedder", endpoint, "embed-small", kind: "Embedding"),
            new Dictionary<string, string?> { ["Inference:CircuitBreakDuration"] = "00:00:30" }),
            resolver);
    }

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}
