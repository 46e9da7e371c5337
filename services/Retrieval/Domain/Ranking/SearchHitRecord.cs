namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>A ranked, permitted chunk with what a citation needs.</summary>
public sealed record SearchHitRecord(
    Guid ChunkId,
    string DocumentId,
    string KnowledgeBaseId,
    string Title,
    string[] HeadingPath,
    int Page,
    string Section,
    string Text,
    double Score,
    int LexicalRank,
    int DenseRank,
    long Version,
    string Source);
