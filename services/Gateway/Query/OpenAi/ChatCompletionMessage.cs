using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>A message; <c>content</c> is a string or an array of text parts.</summary>
public sealed record ChatCompletionMessage
{
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("content")]
    public JsonElement? Content { get; init; }

    [JsonPropertyName("tool_calls")]
    public JsonElement? ToolCalls { get; init; }

    [JsonPropertyName("function_call")]
    public JsonElement? FunctionCall { get; init; }
}
