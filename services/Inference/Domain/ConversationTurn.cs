namespace SecureRag.Inference.Domain;

public sealed record ConversationTurn(TurnRole Role, string Text);
