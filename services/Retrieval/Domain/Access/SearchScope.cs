namespace SecureRag.Retrieval.Domain.Access;

/// <summary>
/// Everything that decides what a search may see, from the verified caller and the app scope the Gateway resolved.
/// The ranking SQL applies all of it; nothing is filtered after ranking.
/// </summary>
public sealed record SearchScope(
    string TenantId,
    string[] PrincipalKeys,
    short[] Classifications,
    bool RestrictedAllowed,
    bool AllKnowledgeBases,
    string[] BoundKnowledgeBaseIds,
    string[] BoundKnowledgeBaseNames);
