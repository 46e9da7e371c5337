namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>Plain text: paragraphs are separated by blank lines; a form feed starts a new page.</summary>
public sealed class PlainTextParser : IDocumentParser
{
    public DocumentFormat Format => DocumentFormat.Text;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var paragraph = new List<string>();
        int? page = null;
        foreach (var raw in TextContent.ReadLines(content, limits, cancellationToken))
        {
            var pages = raw.Split('\f');
            for (var i = 0; i < pages.Length; i++)
            {
                if (i > 0)
                {
                    if (Flush(paragraph, page) is { } block)
                    {
                        yield return block;
                    }

                    page = (page ?? 1) + 1;
                }

                if (pages[i].Trim().Length == 0)
                {
                    if (Flush(paragraph, page) is { } block)
                    {
                        yield return block;
                    }
                }
                else
                {
                    paragraph.Add(pages[i].Trim());
                }
            }
        }

        if (Flush(paragraph, page) is { } last)
        {
            yield return last;
        }
    }

    private static Block? Flush(List<string> lines, int? page)
    {
        if (lines.Count == 0)
        {
            return null;
        }

        var block = Block.Paragraph(string.Join(' ', lines), page);
        lines.Clear();
        return block;
    }
}
