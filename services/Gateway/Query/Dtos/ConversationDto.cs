namespace SecureRag.Gateway.Query.Dtos;

/// <summary>A server-held conversation; <paramref name="Messages"/> is empty in listings.</summary>
public sealed record ConversationDto(string Id, string AppId, string Title, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ConversationMessageDto> Messages);
