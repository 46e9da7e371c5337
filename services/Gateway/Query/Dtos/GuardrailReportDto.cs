namespace SecureRag.Gateway.Query.Dtos;

/// <summary>Every guardrail decision taken for the query, in pipeline order.</summary>
public sealed record GuardrailReportDto(IReadOnlyList<GuardrailDecisionDto> Decisions);
