namespace SecureRag.Gateway.Query;

/// <summary>A question for an app, as the endpoints hand it to the pipeline.</summary>
/// <param name="History">Earlier turns, oldest first; every one passes the input rail as untrusted text.</param>
/// <param name="MaxTokens">The client's completion budget, capped by the app's limit; null takes the default.</param>
public sealed record QueryInput(
    string AppId,
    string Question,
    IReadOnlyList<ChatTurn> History,
    int? MaxTokens = null,
    float? Temperature = null,
    int? TopK = null);
