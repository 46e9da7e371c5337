namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>What the index holds for a document.</summary>
public sealed record DocumentStatusRecord(
    string DocumentId,
    string KnowledgeBaseId,
    long SearchableVersion,
    IReadOnlyList<VersionStatusRecord> Versions,
    string[] Access,
    DocumentMetadataRecord Metadata);
