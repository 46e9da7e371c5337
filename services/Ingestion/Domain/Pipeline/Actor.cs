namespace SecureRag.Ingestion.Domain.Pipeline;

/// <summary>Whom a call to another service is made for: service assertions name this principal as on-behalf-of.</summary>
public sealed record Actor(string TenantId, string PrincipalId);
