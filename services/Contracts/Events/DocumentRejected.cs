namespace SecureRag.Contracts.Events;

/// <summary>An approver rejected a document version; the previously approved version, if any, stays searchable.</summary>
public sealed record DocumentRejected(
    string TenantId,
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string DecidedBy,
    string? Reason) : IntegrationEvent;
