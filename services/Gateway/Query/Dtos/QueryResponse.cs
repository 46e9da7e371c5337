namespace SecureRag.Gateway.Query.Dtos;

/// <summary>The app's answer, the passages it cites, what the guardrails decided, the tokens used and the trace.</summary>
/// <param name="FinishReason"><c>stop</c>, <c>length</c>, <c>no_answer</c> (nothing readable answers it) or <c>content_filter</c>.</param>
public sealed record QueryResponse(
    string Answer,
    IReadOnlyList<CitationDto> Citations,
    GuardrailReportDto Guardrail,
    UsageDto Usage,
    string Model,
    string FinishReason,
    string TraceId,
    string? ConversationId = null);
