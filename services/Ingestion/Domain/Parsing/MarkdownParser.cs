using System.Text.RegularExpressions;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// CommonMark's block structure, line by line: ATX and setext headings, paragraphs, bullet and ordered lists, pipe
/// tables and fenced code. Inline syntax is reduced to text.
/// </summary>
public sealed partial class MarkdownParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Markdown;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var state = new MarkdownState();
        foreach (var line in TextContent.ReadLines(content, limits, cancellationToken))
        {
            foreach (var block in state.Accept(line))
            {
                yield return block;
            }
        }

        foreach (var block in state.Finish())
        {
            yield return block;
        }
    }

    internal static Match AtxHeading(string line) => AtxPattern().Match(line);

    internal static Match ListItem(string line) => ListPattern().Match(line);

    internal static bool IsSetextUnderline(string trimmed, out int level)
    {
        level = trimmed.Length > 0 && trimmed.All(c => c == '=') ? 1 : trimmed.Length > 1 && trimmed.All(c => c == '-') ? 2 : 0;
        return level > 0;
    }

    internal static bool IsTableSeparator(string trimmed) => SeparatorPattern().IsMatch(trimmed);

    [GeneratedRegex(@"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")]
    private static partial Regex AtxPattern();

    [GeneratedRegex(@"^( *)([-*+]|\d{1,9}[.)])[ \t]+(.*)$")]
    private static partial Regex ListPattern();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex SeparatorPattern();
}
