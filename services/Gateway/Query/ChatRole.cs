namespace SecureRag.Gateway.Query;

/// <summary>Who said a turn. There is no system role: the system prompt is the app's, never the client's.</summary>
public enum ChatRole
{
    User,
    Assistant,
}
