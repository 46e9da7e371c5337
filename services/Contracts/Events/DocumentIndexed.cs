namespace SecureRag.Contracts.Events;

/// <summary>A document version is in the search index (searchable at once when <paramref name="Searchable"/>).</summary>
public sealed record DocumentIndexed(
    string TenantId,
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string JobId,
    string ContentHash,
    int ChunkCount,
    int QuarantinedChunks,
    bool Searchable) : IntegrationEvent;
