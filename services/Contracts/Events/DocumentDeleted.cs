namespace SecureRag.Contracts.Events;

/// <summary>A document and all its versions were removed from the search index and from Ingestion.</summary>
public sealed record DocumentDeleted(string TenantId, string KnowledgeBaseId, string DocumentId, string DeletedBy) : IntegrationEvent;
