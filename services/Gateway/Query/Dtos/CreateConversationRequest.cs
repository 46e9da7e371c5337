namespace SecureRag.Gateway.Query.Dtos;

public sealed record CreateConversationRequest(string? Title = null);
