namespace SecureRag.Gateway.Query;

/// <summary>What the query path needs of an app, as Auth holds it.</summary>
/// <param name="KnowledgeBases">Bound knowledge bases, by id or name; <c>*</c> binds every one the audience may read.</param>
/// <param name="Grants">Who may use the app: <c>user:&lt;id&gt;</c> and <c>group:&lt;id&gt;</c>.</param>
/// <param name="MaxTokensPerRequest">The app's cap on a request's completion tokens; 0: none.</param>
/// <param name="AuditText"><c>off</c>, <c>hashed</c> or <c>full</c>: how the prompt and answer appear in the audit record.</param>
public sealed record AppSettings(
    string Id,
    string TenantId,
    string Name,
    string SystemPrompt,
    IReadOnlyList<string> KnowledgeBases,
    string Model,
    string Audience,
    IReadOnlySet<string> Grants,
    int MaxTokensPerRequest,
    string AuditText);
