using System.Text;
using UglyToad.PdfPig.Content;

namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// Rebuilds paragraphs and headings from a page's words: words on one baseline form a line, a vertical gap or a change
/// of font size starts a new paragraph, and a short line set clearly larger than the page's body text is a heading
/// (its level from how much larger). Words broken with a hyphen at a line end are joined again.
/// </summary>
internal static class PdfPageLayout
{
    private const double HeadingRatio = 1.15;
    private const int MaxHeadingLength = 200;

    public static IReadOnlyList<Block> Blocks(Page page, int number)
    {
        var lines = Lines(page);
        if (lines.Count == 0)
        {
            return [];
        }

        var body = BodySize(lines);
        var blocks = new List<Block>();
        var paragraph = new StringBuilder();
        PdfLine? previous = null;
        foreach (var line in lines)
        {
            var ratio = line.Size / body;
            if (ratio >= HeadingRatio && line.Text.Length <= MaxHeadingLength && !line.Text.EndsWith('.'))
            {
                Flush(paragraph, blocks, number);
                if (previous is not null && blocks.Count > 0 && blocks[^1].Kind == BlockKind.Heading
                    && Math.Abs(previous.Size - line.Size) < 0.5 && previous.Bottom - line.Top < line.Height)
                {
                    // A heading that wraps onto a second line.
                    blocks[^1] = blocks[^1] with { Text = $"{blocks[^1].Text} {line.Text}" };
                }
                else
                {
                    blocks.Add(Block.Heading(line.Text, ratio >= 1.6 ? 1 : ratio >= 1.3 ? 2 : 3, number));
                }

                previous = line;
                continue;
            }

            if (previous is not null && (previous.Bottom - line.Top > 0.8 * line.Height || Math.Abs(previous.Size - line.Size) > 0.5))
            {
                Flush(paragraph, blocks, number);
            }

            Append(paragraph, line.Text);
            previous = line;
        }

        Flush(paragraph, blocks, number);
        return blocks;
    }

    private static List<PdfLine> Lines(Page page)
    {
        var words = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom, 1)).ThenBy(w => w.BoundingBox.Left).ToList();
        var lines = new List<PdfLine>();
        var current = new List<Word>();
        foreach (var word in words)
        {
            if (current.Count > 0 && Math.Abs(current[0].BoundingBox.Bottom - word.BoundingBox.Bottom) > 0.5 * Math.Max(word.BoundingBox.Height, 1))
            {
                lines.Add(ToLine(current));
                current.Clear();
            }

            current.Add(word);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(current));
        }

        return lines;
    }

    private static PdfLine ToLine(List<Word> words)
    {
        var ordered = words.OrderBy(w => w.BoundingBox.Left).ToList();
        var size = ordered.SelectMany(w => w.Letters).Select(l => l.PointSize).DefaultIfEmpty(0).Average();
        return new PdfLine(
            string.Join(' ', ordered.Select(w => w.Text)),
            size,
            ordered.Max(w => w.BoundingBox.Top),
            ordered.Min(w => w.BoundingBox.Bottom));
    }

    /// <summary>The font size that carries the most characters on the page.</summary>
    private static double BodySize(List<PdfLine> lines) =>
        lines.GroupBy(l => Math.Round(l.Size, 1)).MaxBy(g => g.Sum(l => l.Text.Length))!.Key is var size && size > 0 ? size : 1;

    private static void Append(StringBuilder paragraph, string text)
    {
        if (paragraph.Length == 0)
        {
            paragraph.Append(text);
        }
        else if (paragraph[^1] == '-' && text.Length > 0 && char.IsLower(text[0]))
        {
            paragraph.Length--;
            paragraph.Append(text);
        }
        else
        {
            paragraph.Append(' ').Append(text);
        }
    }

    private static void Flush(StringBuilder paragraph, List<Block> blocks, int number)
    {
        if (paragraph.Length > 0)
        {
            blocks.Add(Block.Paragraph(paragraph.ToString(), number));
            paragraph.Clear();
        }
    }
}
