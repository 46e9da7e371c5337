namespace SecureRag.Ingestion.Infrastructure;

public sealed class ChunkRow
{
    public int Ordinal { get; init; }

    public string Text { get; init; } = "";

    public string[] HeadingPath { get; init; } = [];

    public int? PageStart { get; init; }

    public string? Section { get; init; }

    public int StartOffset { get; init; }

    public int EndOffset { get; init; }

    public string? IndexedText { get; init; }
}
