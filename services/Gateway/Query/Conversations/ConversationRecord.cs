namespace SecureRag.Gateway.Query.Conversations;

public sealed record ConversationRecord(Guid Id, string TenantId, string AppId, string PrincipalId, string Title, DateTime CreatedAt, DateTime UpdatedAt);
