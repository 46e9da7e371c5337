namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>A write the index's state refuses (FAILED_PRECONDITION); the message says why.</summary>
public sealed class IndexConflictException(string message) : Exception(message);
