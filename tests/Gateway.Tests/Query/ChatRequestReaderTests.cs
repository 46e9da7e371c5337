using System.Text.Json;
using SecureRag.Gateway.Query;
using SecureRag.Gateway.Query.OpenAi;

namespace SecureRag.Gateway.Tests.Query;

public sealed class ChatRequestReaderTests
{
    [Theory]
    [InlineData("system", "role_not_allowed")]
    [InlineData("developer", "role_not_allowed")]
    [InlineData("tool", "tools_not_supported")]
    [InlineData("function", "tools_not_supported")]
    [InlineData("narrator", "invalid_request")]
    public void MessagesThatWouldRewriteTheAssistantAreRefused(string role, string code)
    {
        var request = Parse($$"""{"model":"app","messages":[{"role":"{{role}}","content":"x"},{"role":"user","content":"q"}]}""");

        var refusal = Assert.Throws<QueryRefusedException>(() => ChatRequestReader.Read(request));

        Assert.Equal(400, refusal.Status);
        Assert.Equal(code, refusal.Code);
    }

    [Theory]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":"q"}],"tools":[{"type":"function"}]}""", "tools_not_supported")]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":"q"}],"functions":[{"name":"f"}]}""", "tools_not_supported")]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":"q"}],"tool_choice":"auto"}""", "tools_not_supported")]
    [InlineData("""{"model":"app","messages":[{"role":"assistant","content":null,"tool_calls":[{"id":"1"}]},{"role":"user","content":"q"}]}""", "tools_not_supported")]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":"q"}],"n":2}""", "n_not_supported")]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":"q"},{"role":"assistant","content":"a"}]}""", "invalid_request")]
    [InlineData("""{"messages":[{"role":"user","content":"q"}]}""", "invalid_request")]
    [InlineData("""{"model":"app","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", "invalid_request")]
    public void UnsupportedFeaturesAreRefusedRatherThanIgnored(string json, string code)
    {
        var refusal = Assert.Throws<QueryRefusedException>(() => ChatRequestReader.Read(Parse(json)));

        Assert.Equal(code, refusal.Code);
    }

    [Fact]
    public void TheLastUserMessageIsTheQuestionAndEarlierTurnsAreHistory()
    {
        var request = Parse("""
            {"model":"app-1","max_tokens":50,"max_completion_tokens":40,"temperature":0.2,"tools":[],"n":1,
             "messages":[{"role":"user","content":"first"},{"role":"assistant","content":"answer"},
                         {"role":"user","content":[{"type":"text","text":"second"},{"type":"text","text":"part"}]}]}
            """);

        var input = ChatRequestReader.Read(request);

        Assert.Equal("app-1", input.AppId);
        Assert.Equal("second\npart", input.Question);
        Assert.Equal([new ChatTurn(ChatRole.User, "first"), new ChatTurn(ChatRole.Assistant, "answer")], input.History);
        Assert.Equal(40, input.MaxTokens);
        Assert.Equal(0.2f, input.Temperature);
    }

    private static ChatCompletionRequest Parse(string json) => JsonSerializer.Deserialize<ChatCompletionRequest>(json, JsonSerializerOptions.Web)!;
}
