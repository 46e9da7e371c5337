namespace SecureRag.Gateway.Query.Dtos;

/// <summary>A stored turn: the question as redacted by the input rail, the answer as released by the output rail.</summary>
public sealed record ConversationMessageDto(string Role, string Content, IReadOnlyList<CitationDto> Citations, string TraceId, DateTimeOffset CreatedAt);
