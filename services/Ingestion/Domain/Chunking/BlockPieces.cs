using System.Globalization;
using System.Text.RegularExpressions;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>Cuts a block into pieces no larger than a budget: whole when it fits, else rows, sentences, then token slices.</summary>
internal static partial class BlockPieces
{
    public static IEnumerable<Piece> Of(Block block, int offset, int budget, ITokenCounter tokens)
    {
        var whole = tokens.Count(block.Text);
        if (whole <= budget)
        {
            yield return new Piece(block.Text, whole, offset, offset + block.Text.Length, block.Page, block.Section, PieceKind.Content);
            yield break;
        }

        if (block.Rows is { Count: > 0 } rows)
        {
            var header = block.Header;
            var headerTokens = header is null ? 0 : tokens.Count(header);
            var position = offset;
            if (header is not null)
            {
                yield return new Piece(header, headerTokens, position, position + header.Length, block.Page, null, PieceKind.TableHeader, header);
                position += header.Length + 1;
            }

            var firstRow = FirstRowNumber(block.Section);
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i];
                var section = firstRow is { } first ? $"row {first + i}" : block.Section;
                foreach (var piece in Slices(row, position, budget - headerTokens - 1, tokens, block.Page, section, PieceKind.Row, header))
                {
                    yield return piece;
                }

                position += row.Length + 1;
            }

            yield break;
        }

        foreach (var (start, length) in SentenceSplitter.Split(block.Text))
        {
            var sentence = block.Text.Substring(start, length).Trim();
            if (sentence.Length == 0)
            {
                continue;
            }

            foreach (var piece in Slices(sentence, offset + start, budget, tokens, block.Page, block.Section, PieceKind.Content, null))
            {
                yield return piece;
            }
        }
    }

    private static IEnumerable<Piece> Slices(string text, int offset, int budget, ITokenCounter tokens, int? page, string? section, PieceKind kind, string? tableHeader)
    {
        var count = tokens.Count(text);
        if (count <= budget)
        {
            yield return new Piece(text, count, offset, offset + text.Length, page, section, kind, tableHeader);
            yield break;
        }

        var start = 0;
        while (start < text.Length)
        {
            var rest = text[start..];
            var length = tokens.PrefixLength(rest, budget);
            if (length < rest.Length)
            {
                // Prefer to cut at a space, if there is one in the second half of the slice.
                var space = rest.LastIndexOf(' ', Math.Max(length - 1, 0), length / 2);
                if (space > 0)
                {
                    length = space;
                }
            }

            length = Math.Max(length, 1);
            var slice = rest[..length].Trim();
            if (slice.Length > 0)
            {
                yield return new Piece(slice, tokens.Count(slice), offset + start, offset + start + length, page, section, kind, tableHeader);
            }

            start += length;
        }
    }

    private static int? FirstRowNumber(string? section)
    {
        var match = section is null ? Match.Empty : RowRange().Match(section);
        return match.Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^rows (\d+)-\d+$")]
    private static partial Regex RowRange();
}
