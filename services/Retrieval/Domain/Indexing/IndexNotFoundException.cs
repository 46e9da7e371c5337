namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>The document, version or knowledge base does not exist in the caller's tenant (NOT_FOUND).</summary>
public sealed class IndexNotFoundException(string message) : Exception(message);
