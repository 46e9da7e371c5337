namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>
/// A piece of a document sized for retrieval, with what a citation needs: the heading path it sits under, its pages
/// (or a section such as CSV rows or a JSON path) and its character range in the normalised document text.
/// </summary>
/// <param name="Ordinal">0-based position in the document.</param>
public sealed record Chunk(
    int Ordinal,
    string Text,
    int TokenCount,
    IReadOnlyList<string> HeadingPath,
    int? PageStart,
    int? PageEnd,
    string? Section,
    int StartOffset,
    int EndOffset);
