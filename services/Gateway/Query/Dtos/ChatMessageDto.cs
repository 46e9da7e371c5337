namespace SecureRag.Gateway.Query.Dtos;

/// <summary>A turn of a conversation: <c>user</c> or <c>assistant</c>.</summary>
public sealed record ChatMessageDto(string? Role, string? Content);
