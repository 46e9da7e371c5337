namespace SecureRag.Auth.Domain;

/// <summary>A configured assistant. <see cref="Limits"/> is the JSON of its rate and quota limits.</summary>
public sealed record AppRecord(
    Guid Id,
    Guid TenantId,
    string Name,
    string SystemPrompt,
    string[] KnowledgeBases,
    string GuardrailPolicy,
    string Model,
    string Audience,
    string Limits,
    string AuditText,
    int Version,
    DateTime UpdatedAt);
