namespace SecureRag.Gateway.Apis.Dtos;

/// <summary>An assistant's configuration.</summary>
/// <param name="Audience"><c>internal</c>, <c>partner</c> or <c>customer</c>.</param>
/// <param name="AuditText">How prompts and answers appear in audit records: <c>off</c>, <c>hashed</c> (default) or <c>full</c>.</param>
public sealed record AppSpecDto(
    string Name,
    string Audience,
    string? SystemPrompt = null,
    IReadOnlyList<string>? KnowledgeBases = null,
    string? GuardrailPolicy = null,
    string? Model = null,
    AppLimitsDto? Limits = null,
    string? AuditText = null);
