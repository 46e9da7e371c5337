namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>What search needs to know about a knowledge base.</summary>
public sealed record KnowledgeBaseSettings(
    string KnowledgeBaseId,
    string Name,
    short Classification,
    string[] Access,
    DateTimeOffset? ReviewBefore,
    bool ExcludeStale,
    string EmbedderId,
    string EmbeddingModel);
