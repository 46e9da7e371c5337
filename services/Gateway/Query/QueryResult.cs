using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>An answer that passed the output rail.</summary>
public sealed record QueryResult(string Answer, IReadOnlyList<CitationDto> Citations, UsageDto Usage, string Model, string FinishReason);
