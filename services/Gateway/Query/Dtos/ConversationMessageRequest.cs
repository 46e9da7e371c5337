namespace SecureRag.Gateway.Query.Dtos;

/// <summary>The next question of a server-held conversation; its earlier turns come from the server.</summary>
public sealed record ConversationMessageRequest(string? Question, int? MaxTokens = null, float? Temperature = null, int? TopK = null);
