using System.Text.Json;
using System.Text.Json.Serialization;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>
/// OpenAI's chat-completions request, as far as the Gateway honours it: <c>model</c> names the app; tools, functions
/// and more than one choice are refused rather than ignored.
/// </summary>
public sealed record ChatCompletionRequest
{
    /// <summary>The app's id.</summary>
    [JsonPropertyName("model")]
    public string? Model { get; init; }

    /// <summary>Roles <c>user</c> and <c>assistant</c> only; the last one is the question.</summary>
    [JsonPropertyName("messages")]
    public IReadOnlyList<ChatCompletionMessage>? Messages { get; init; }

    [JsonPropertyName("stream")]
    public bool? Stream { get; init; }

    [JsonPropertyName("stream_options")]
    public StreamOptions? StreamOptions { get; init; }

    [JsonPropertyName("max_tokens")]
    public int? MaxTokens { get; init; }

    [JsonPropertyName("max_completion_tokens")]
    public int? MaxCompletionTokens { get; init; }

    [JsonPropertyName("temperature")]
    public float? Temperature { get; init; }

    [JsonPropertyName("n")]
    public int? N { get; init; }

    [JsonPropertyName("tools")]
    public JsonElement? Tools { get; init; }

    [JsonPropertyName("tool_choice")]
    public JsonElement? ToolChoice { get; init; }

    [JsonPropertyName("functions")]
    public JsonElement? Functions { get; init; }

    [JsonPropertyName("function_call")]
    public JsonElement? FunctionCall { get; init; }

    [JsonPropertyName("user")]
    public string? User { get; init; }
}
