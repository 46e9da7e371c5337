namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>One saved version of an app's policy document.</summary>
public sealed record StoredPolicy(string TenantId, string AppId, int Version, string Json, DateTimeOffset CreatedAt, string CreatedBy);
