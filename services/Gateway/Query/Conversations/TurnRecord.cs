namespace SecureRag.Gateway.Query.Conversations;

public sealed record TurnRecord(int Ordinal, string Role, string Content, string Citations, string TraceId, DateTime CreatedAt);
