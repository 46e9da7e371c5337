using System.Net;

namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>
/// HTML to blocks with a small tolerant tokenizer: scripts, styles and other non-content elements are dropped whole
/// (their text never reaches the index), comments and declarations are skipped, entities are decoded, and headings,
/// paragraphs, lists, tables and preformatted text become blocks.
/// </summary>
public sealed class HtmlParser : IDocumentParser
{
    private static readonly HashSet<string> Dropped =
        ["script", "style", "noscript", "template", "svg", "math", "iframe", "object", "title", "textarea", "select", "button"];

    public DocumentFormat Format => DocumentFormat.Html;

    public IEnumerable<Block> Parse(Stream content, ParseLimits limits, CancellationToken cancellationToken)
    {
        var html = TextContent.ReadAll(content, limits);
        var builder = new HtmlBlockBuilder();
        var i = 0;
        while (i < html.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var lt = html.IndexOf('<', i);
            if (lt < 0)
            {
                builder.Text(WebUtility.HtmlDecode(html[i..]));
                break;
            }

            if (lt > i)
            {
                builder.Text(WebUtility.HtmlDecode(html[i..lt]));
            }

            i = ReadMarkup(html, lt, builder);
            foreach (var block in builder.Drain())
            {
                yield return block;
            }
        }

        builder.Finish();
        foreach (var block in builder.Drain())
        {
            yield return block;
        }
    }

    /// <returns>The position after the markup that starts at <paramref name="lt"/>.</returns>
    private static int ReadMarkup(string html, int lt, HtmlBlockBuilder builder)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        if (lt + 1 < html.Length && html[lt + 1] is '!' or '?')
        {
            var end = html.IndexOf('>', lt);
            return end < 0 ? html.Length : end + 1;
        }

        var j = lt + 1;
        var closing = j < html.Length && html[j] == '/';
        if (closing)
        {
            j++;
        }

        var nameStart = j;
        while (j < html.Length && char.IsAsciiLetterOrDigit(html[j]))
        {
            j++;
        }

        if (j == nameStart)
        {
            // A '<' that starts no tag is text.
            builder.Text("<");
            return lt + 1;
        }

        var name = html[nameStart..j].ToLowerInvariant();
        var next = EndOfTag(html, j);
        if (!closing && Dropped.Contains(name))
        {
            var close = html.IndexOf("</" + name, next, StringComparison.OrdinalIgnoreCase);
            return close < 0 ? html.Length : EndOfTag(html, close);
        }

        if (closing)
        {
            builder.Close(name);
        }
        else
        {
            builder.Open(name);
        }

        return next;
    }

    private static int EndOfTag(string html, int from)
    {
        var quote = '\0';
        for (var k = from; k < html.Length; k++)
        {
            var c = html[k];
            if (quote != '\0')
            {
                if (c == quote)
                {
                    quote = '\0';
                }
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return k + 1;
            }
        }

        return html.Length;
    }
}
