using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>How a query ended, for its audit record.</summary>
/// <param name="Outcome"><c>success</c>, <c>blocked</c> or <c>failure</c>.</param>
/// <param name="Reason">The reason code of a refusal.</param>
public sealed record QueryOutcome(
    string Outcome,
    string? Reason,
    string? Answer,
    IReadOnlyList<CitationDto> Citations,
    UsageDto? Usage,
    string? Model);
