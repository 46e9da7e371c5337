using System.Text.Json.Serialization;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>A choice: <c>message</c> in a completion, <c>delta</c> in a streamed chunk.</summary>
public sealed record ChatCompletionChoice(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("message"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionDelta? Message,
    [property: JsonPropertyName("delta"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionDelta? Delta,
    [property: JsonPropertyName("finish_reason")] string? FinishReason);
