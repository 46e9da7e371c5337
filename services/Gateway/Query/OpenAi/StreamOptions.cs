using System.Text.Json.Serialization;

namespace SecureRag.Gateway.Query.OpenAi;

public sealed record StreamOptions([property: JsonPropertyName("include_usage")] bool? IncludeUsage);
