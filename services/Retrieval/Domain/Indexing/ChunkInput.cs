namespace SecureRag.Retrieval.Domain.Indexing;

/// <summary>One chunk to index, as Ingestion produced it.</summary>
public sealed record ChunkInput(
    int Ordinal, string Text, string[] HeadingPath, int Page, string Section, float[] Vector, int StartOffset, int EndOffset);
