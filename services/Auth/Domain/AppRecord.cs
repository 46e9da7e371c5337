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
    DateTime UpdatedAt)
{
    // Dapper binds through this and the properties: Npgsql reports array columns as System.Array, which does not
    // match the positional constructor's parameter types.
    private AppRecord()
        : this(default, default, "", "", [], "", "", "", "{}", "hashed", 0, default)
    {
    }
}
