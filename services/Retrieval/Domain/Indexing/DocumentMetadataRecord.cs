namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>A document's descriptive metadata, as stored with each version.</summary>
public sealed record DocumentMetadataRecord(string Title, string Source, string[] Tags, string Author, DateTimeOffset? EffectiveDate);
