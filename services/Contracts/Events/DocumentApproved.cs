namespace SecureRag.Contracts.Events;

/// <summary>An approver (or the knowledge base's automatic approval) approved a document version.</summary>
public sealed record DocumentApproved(
    string TenantId,
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string DecidedBy) : IntegrationEvent;
