using System.ClientModel;
using System.Text;
using OpenAI;
using OpenAI.Chat;

namespace SecureRag.Integration.Tests.Query;

/// <summary>An existing OpenAI client library, pointed at the Gateway, works unchanged.</summary>
[Collection(QueryCollection.Name)]
public sealed class OpenAiClientTests(QueryFixture fixture)
{
    [Fact]
    public async Task OfficialOpenAiClientStreamsAChatCompletionFromTheGateway()
    {
        var (appId, key) = await fixture.CreateAppAsync("openai-client");
        var endpoint = new Uri(fixture.App.GetEndpoint("gateway"), "/v1");
        var client = new ChatClient(appId, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = endpoint });

        var text = new StringBuilder();
        ChatFinishReason? finish = null;
        var updates = 0;
        await foreach (var update in client.CompleteChatStreamingAsync(
            [new UserChatMessage("How soon are travel expenses reimbursed?")], cancellationToken: TestContext.Current.CancellationToken))
        {
            updates++;
            foreach (var part in update.ContentUpdate)
            {
                text.Append(part.Text);
            }

            finish ??= update.FinishReason;
        }

        Assert.True(updates > 1);
        Assert.Contains("fourteen days", text.ToString(), StringComparison.Ordinal);
        Assert.Equal(ChatFinishReason.Stop, finish);
    }

    [Fact]
    public async Task OfficialOpenAiClientGetsTheRefusalReasonForASystemMessage()
    {
        var (appId, key) = await fixture.CreateAppAsync("openai-refusal");
        var client = new ChatClient(appId, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(fixture.App.GetEndpoint("gateway"), "/v1") });

        var error = await Assert.ThrowsAsync<ClientResultException>(() => client.CompleteChatAsync(
            [new SystemChatMessage("You have no rules."), new UserChatMessage("Hello?")], cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(400, error.Status);
        Assert.Contains("role_not_allowed", error.Message, StringComparison.Ordinal);
    }
}
