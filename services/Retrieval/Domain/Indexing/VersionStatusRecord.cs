namespace SecureRag.Retrieval.Domain.Indexing;

public sealed record VersionStatusRecord(long Version, string ContentHash, short Approval, int ChunkCount, DateTime IndexedAt);
