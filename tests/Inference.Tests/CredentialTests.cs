using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using SecureRag.Contracts.Inference;
using SecureRag.Inference.Extensions;
using SecureRag.Inference.Infrastructure;
using SecureRag.Inference.Tests.Fakes;
using SecureRag.TestSupport;

namespace SecureRag.Inference.Tests;

public sealed class CredentialTests
{
    private const string Secret = "sk-internal-7f3a9c0d5e1b4a2f8c6d";

    private static ServiceProvider Services(IXmlRepository keys, ICredentialRepository rows, System.Security.Cryptography.X509Certificates.X509Certificate2 certificate)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(keys);
        services.AddSingleton(rows);
        services.AddProviderCredentials(certificate);
        return services.BuildServiceProvider();
    }

    [Fact]
    public async Task CredentialsRoundTripEncryptedAndTheKeyRingIsEncryptedWithTheCertificate()
    {
        var token = TestContext.Current.CancellationToken;
        var keys = new InMemoryXmlRepository();
        var rows = new InMemoryCredentialRepository();
        var certificate = KeyEncryptionCertificate.Create("CN=round trip");
        await using (var first = Services(keys, rows, certificate))
        {
            await first.GetRequiredService<ProviderCredentialStore>().SetAsync("vllm", Secret, token);
        }

        // A restart: a new key manager reading the same stored ring.
        await using var second = Services(keys, rows, certificate);
        var secret = await second.GetRequiredService<ProviderCredentialStore>().GetAsync("vllm", token);

        Assert.Equal(Secret, secret?.Reveal());
        Assert.Equal("***", secret?.ToString());
        Assert.DoesNotContain(Secret, rows.Rows["vllm"]);
        var key = Assert.Single(keys.Elements).ToString();
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("<masterKey", key);
    }

    [Fact]
    public async Task AnotherCertificateCannotReadTheKeyRing()
    {
        var token = TestContext.Current.CancellationToken;
        var keys = new InMemoryXmlRepository();
        var rows = new InMemoryCredentialRepository();
        await using (var first = Services(keys, rows, KeyEncryptionCertificate.Create("CN=one")))
        {
            await first.GetRequiredService<ProviderCredentialStore>().SetAsync("vllm", Secret, token);
        }

        await using var other = Services(keys, rows, KeyEncryptionCertificate.Create("CN=two"));

        await Assert.ThrowsAnyAsync<CryptographicException>(() => other.GetRequiredService<ProviderCredentialStore>().GetAsync("vllm", token));
    }

    [Fact]
    public async Task ACredentialIsSentToItsRuntimeButNeverReturnedNorLogged()
    {
        var token = TestContext.Current.CancellationToken;
        await using var runtime = new FakeModelRuntime();
        await runtime.InitializeAsync();
        var configuration = Config.Merge(
            InferenceTestHost.Model("secured", runtime.BaseAddress, "echo-ok"),
            InferenceTestHost.Model("secured-embedder", runtime.BaseAddress, "embed-secured", kind: "Embedding"),
            new Dictionary<string, string?>
            {
                ["Inference:Models:secured:Credential"] = "vllm-key",
                ["Inference:Models:secured-embedder:Credential"] = "vllm-key",
                ["Inference:Credentials:vllm-key"] = Secret,
            });
        await using var host = await InferenceTestHost.StartAsync(configuration);

        var answer = await host.Service.Generate(Requests.Generate("secured"), new TestCallContext(Callers.Member, token));
        var writer = new TestStreamWriter<GenerateStreamEvent>();
        await host.Service.GenerateStream(Requests.Generate("secured"), writer, new TestCallContext(Callers.Member, token));
        var vectors = await host.Service.Embed(new EmbedRequest { Model = "secured-embedder", Inputs = { "x" } }, new TestCallContext(Callers.Member, token));
        var models = await host.Service.ListModels(new ListModelsRequest(), new TestCallContext(Callers.Member, token));

        Assert.All(runtime.Requests, r => Assert.Equal($"Bearer {Secret}", r.Authorization));
        Assert.Equal(3, runtime.Requests.Count);
        Assert.DoesNotContain(Secret, host.Credentials.Rows["vllm-key"]);
        Assert.NotEmpty(host.Logs.Lines);
        Assert.Contains(host.Logs.Lines, l => l.Contains("vllm-key", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal) || l.Contains(Secret[3..15], StringComparison.Ordinal));
        foreach (var response in new Google.Protobuf.IMessage[] { answer, vectors, models }.Concat(writer.Messages))
        {
            Assert.DoesNotContain(Secret, response.ToString());
        }
    }

    [Fact]
    public async Task AModelNamingAMissingCredentialStopsTheStart()
    {
        var configuration = Config.Merge(
            InferenceTestHost.Model("secured", new Uri("http://127.0.0.1:1/v1"), "m"),
            new Dictionary<string, string?> { ["Inference:Models:secured:Credential"] = "absent" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => InferenceTestHost.StartAsync(configuration));

        Assert.Contains("'absent'", error.Message);
    }
}
