namespace SecureRag.Gateway.Query;

/// <summary>An earlier turn of the conversation, oldest first.</summary>
public sealed record ChatTurn(ChatRole Role, string Text);
