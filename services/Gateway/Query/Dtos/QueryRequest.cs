namespace SecureRag.Gateway.Query.Dtos;

/// <summary>A question for the app.</summary>
/// <param name="Question">The user's question.</param>
/// <param name="History">Earlier turns, oldest first (roles <c>user</c> and <c>assistant</c> only); or use a server-held conversation.</param>
/// <param name="MaxTokens">Completion budget; capped by the app's limit.</param>
/// <param name="TopK">Passages to retrieve (default 8).</param>
public sealed record QueryRequest(
    string? Question,
    IReadOnlyList<ChatMessageDto>? History = null,
    int? MaxTokens = null,
    float? Temperature = null,
    int? TopK = null);
