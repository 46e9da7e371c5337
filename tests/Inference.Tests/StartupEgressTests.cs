using Microsoft.Extensions.Options;
using SecureRag.Inference.Tests.Fakes;

namespace SecureRag.Inference.Tests;

public sealed class StartupEgressTests
{
    [Theory]
    [InlineData("http://203.0.113.10:11434/v1", "203.0.113.10")]
    [InlineData("http://[2001:db8::10]:11434/v1", "2001:db8::10")]
    [InlineData("http://[::ffff:169.254.169.254]/v1", "169.254.169.254")]
    [InlineData("http://ollama.test:11434/v1", "192.0.2.44")]
    public async Task AModelWhoseEndpointFailsThePolicyStopsTheStart(string endpoint, string address)
    {
        var resolver = new FakeResolver().Map("ollama.test", "192.0.2.44");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            InferenceTestHost.StartAsync(InferenceTestHost.Model("outside-llm", new Uri(endpoint), "llama3"), resolver));

        Assert.Contains("Model 'outside-llm' is refused", error.Message);
        Assert.Contains(address, error.Message);
    }

    [Fact]
    public async Task AModelOnAnAllowedNetworkStarts()
    {
        var resolver = new FakeResolver().Map("vllm.test", "10.20.0.5");
        var configuration = Config.Merge(
            InferenceTestHost.Model("internal-llm", new Uri("http://vllm.test:8000/v1"), "qwen"),
            new Dictionary<string, string?> { ["Inference:Egress:AllowedNetworks:0"] = "10.20.0.0/16" });

        await using var host = await InferenceTestHost.StartAsync(configuration, resolver);

        Assert.Contains(host.Registry.Models, m => m.Name == "internal-llm");
    }

    [Theory]
    [InlineData("Inference:Models:extractive:Endpoint", "http://127.0.0.1:1/v1")]
    [InlineData("Inference:Models:bad:Endpoint", "http://user:secret@127.0.0.1:1/v1")]
    [InlineData("Inference:DefaultChatModel", "missing")]
    [InlineData("Inference:Egress:AllowedNetworks:0", "10.0.0.0/99")]
    public async Task ABadRegistryEntryStopsTheStart(string key, string value)
    {
        var configuration = new Dictionary<string, string?> { [key] = value };
        if (key.StartsWith("Inference:Models:", StringComparison.Ordinal))
        {
            configuration[key.Replace(":Endpoint", ":ModelId", StringComparison.Ordinal)] = "m";
        }

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => InferenceTestHost.StartAsync(configuration));

        Assert.DoesNotContain("secret", error.Message);
    }
}
