namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// One structural unit of a parsed document, in reading order. A parser emits blocks lazily, so a large document
/// never has to be held whole.
/// </summary>
/// <param name="Level">Heading level, 1 for the top.</param>
/// <param name="Page">1-based page, when the format has pages.</param>
/// <param name="Section">A citation anchor where headings do not give one: CSV rows, a JSON path.</param>
/// <param name="Rows">The rows of a list or table (without the header), for splitting at row boundaries.</param>
public sealed record Block(
    BlockKind Kind,
    string Text,
    int Level = 0,
    int? Page = null,
    string? Section = null,
    IReadOnlyList<string>? Rows = null,
    string? Header = null)
{
    public static Block Heading(string text, int level, int? page = null) => new(BlockKind.Heading, text, level, page);

    public static Block Paragraph(string text, int? page = null) => new(BlockKind.Paragraph, text, Page: page);

    public static Block List(IReadOnlyList<string> items, int? page = null, string? section = null) =>
        new(BlockKind.List, string.Join('\n', items), Page: page, Section: section, Rows: items);

    public static Block Table(string? header, IReadOnlyList<string> rows, int? page = null, string? section = null) =>
        new(BlockKind.Table, header is null ? string.Join('\n', rows) : $"{header}\n{string.Join('\n', rows)}", Page: page, Section: section, Rows: rows, Header: header);
}
