using System.Text.Json.Serialization;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>OpenAI's chat completion, with the citations and guardrail decisions as extension fields.</summary>
public sealed record ChatCompletionResponse(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("object")] string Object,
    [property: JsonPropertyName("created")] long Created,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("choices")] IReadOnlyList<ChatCompletionChoice> Choices,
    [property: JsonPropertyName("usage"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionUsage? Usage,
    [property: JsonPropertyName("citations"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<CitationDto>? Citations = null,
    [property: JsonPropertyName("guardrail"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] GuardrailReportDto? Guardrail = null,
    [property: JsonPropertyName("trace_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? TraceId = null,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ChatCompletionError? Error = null);
