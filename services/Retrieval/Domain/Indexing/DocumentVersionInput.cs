namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>One version of a document to index (the IndexDocument header and its chunks).</summary>
public sealed record DocumentVersionInput(
    string KnowledgeBaseId,
    string DocumentId,
    long Version,
    string ContentHash,
    DocumentMetadataRecord Metadata,
    string[] Access,
    bool Approved,
    string EmbedderId,
    IReadOnlyList<ChunkInput> Chunks);
