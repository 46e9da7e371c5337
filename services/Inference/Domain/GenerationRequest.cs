namespace SecureRag.Inference.Domain;

/// <param name="MaxTokens">Completion budget; null takes the model's default.</param>
/// <param name="Temperature">Null takes the model's default.</param>
public sealed record GenerationRequest(
    string SystemPrompt,
    IReadOnlyList<Passage> Passages,
    IReadOnlyList<ConversationTurn> Conversation,
    string Question,
    int? MaxTokens,
    float? Temperature);
