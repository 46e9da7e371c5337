using System.Text.Json.Serialization;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>Why a stream ended early (the answer was withheld, or a service failed), in OpenAI's error shape.</summary>
public sealed record ChatCompletionError(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("code")] string Code);
