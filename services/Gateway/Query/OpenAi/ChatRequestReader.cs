using System.Text;
using System.Text.Json;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>
/// Reads a chat-completions request into the pipeline's input. The conversation cannot rewrite the assistant:
/// <c>system</c> and <c>developer</c> messages are refused (the system prompt is the app's), as are tools, functions
/// and more than one choice; every earlier turn goes to the input rail as untrusted text.
/// </summary>
public static class ChatRequestReader
{
    public static QueryInput Read(ChatCompletionRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.Model))
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "model is required: the id of the app to ask.");
        }

        if (Present(request.Tools) || Present(request.Functions) || Present(request.ToolChoice) || Present(request.FunctionCall))
        {
            throw QueryRefusedException.BadRequest(QueryReasons.ToolsNotSupported, "Tools and functions are not supported.");
        }

        if (request.N is > 1)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.MultipleChoicesNotSupported, "Only one choice (n = 1) is supported.");
        }

        if (request.N is < 1)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "n must be 1.");
        }

        var messages = request.Messages ?? [];
        if (messages.Count == 0)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "messages is empty.");
        }

        var turns = new List<ChatTurn>(messages.Count);
        foreach (var message in messages)
        {
            var role = QueryRunner.ReadRole(message.Role);
            if (Present(message.ToolCalls) || Present(message.FunctionCall))
            {
                throw QueryRefusedException.BadRequest(QueryReasons.ToolsNotSupported, "Tools and functions are not supported.");
            }

            turns.Add(new ChatTurn(role, Text(message.Content)));
        }

        if (turns[^1].Role != ChatRole.User)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "The last message must be the user's question.");
        }

        return new QueryInput(request.Model.Trim(), turns[^1].Text, [.. turns.Take(turns.Count - 1)], request.MaxCompletionTokens ?? request.MaxTokens, request.Temperature);
    }

    private static bool Present(JsonElement? element) =>
        element is { } e && e.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
        && !(e.ValueKind == JsonValueKind.Array && e.GetArrayLength() == 0);

    /// <summary>A string, or the text parts of an array; other parts (images, audio) are refused.</summary>
    private static string Text(JsonElement? content)
    {
        if (content is not { } c || c.ValueKind == JsonValueKind.Null)
        {
            return "";
        }

        if (c.ValueKind == JsonValueKind.String)
        {
            return c.GetString() ?? "";
        }

        if (c.ValueKind != JsonValueKind.Array)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "A message's content must be a string or an array of text parts.");
        }

        var text = new StringBuilder();
        foreach (var part in c.EnumerateArray())
        {
            if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.GetString() != "text"
                || !part.TryGetProperty("text", out var value) || value.ValueKind != JsonValueKind.String)
            {
                throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "Only text content parts are supported.");
            }

            text.Append(text.Length == 0 ? "" : "\n").Append(value.GetString());
        }

        return text.ToString();
    }
}
