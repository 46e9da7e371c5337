namespace SecureRag.Auth.Domain;

public sealed record GroupRecord(Guid Id, Guid TenantId, string Name, string? ExternalId);
