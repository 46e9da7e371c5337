namespace SecureRag.Retrieval.Domain.Indexing;

public sealed record IndexOutcome(bool AlreadyIndexed, int ChunksIndexed, bool Searchable);
