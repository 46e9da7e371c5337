namespace SecureRag.Auth.Domain;

public sealed record TenantRecord(Guid Id, string Name, string Plan, DateTime CreatedAt);
