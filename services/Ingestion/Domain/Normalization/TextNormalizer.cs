using System.Text;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Domain.Normalization;

/// <summary>
/// Makes extracted text safe and uniform before chunking: line breaks unified, control, zero-width, bidirectional
/// override and soft-hyphen characters removed (the Guardrail service refuses most control characters, and invisible
/// ones can hide instructions), unpaired surrogates replaced, typographic ligatures and exotic spaces folded, runs of
/// spaces collapsed (except in code) and blank lines limited to one.
/// </summary>
public static class TextNormalizer
{
    /// <summary>The block with normalised text, or null when nothing is left of it.</summary>
    public static Block? Normalize(Block block)
    {
        var preserve = block.Kind == BlockKind.Code;
        var text = Normalize(block.Text, preserve);
        if (text.Length == 0)
        {
            return null;
        }

        if (block.Rows is null)
        {
            return block with { Text = text };
        }

        var rows = block.Rows.Select(r => Normalize(r, preserve)).Where(r => r.Length > 0).ToArray();
        var header = block.Header is null ? null : Normalize(block.Header, preserve);
        if (rows.Length == 0 && string.IsNullOrEmpty(header))
        {
            return null;
        }

        return block.Kind == BlockKind.Table
            ? Block.Table(string.IsNullOrEmpty(header) ? null : header, rows, block.Page, block.Section)
            : Block.List(rows, block.Page, block.Section);
    }

    public static string Normalize(string text, bool preserveSpacing = false)
    {
        var output = new StringBuilder(text.Length);
        var newlines = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                output.Append(c).Append(text[++i]);
                newlines = 0;
                continue;
            }

            if (char.IsSurrogate(c))
            {
                c = '\uFFFD';
            }

            if (c is '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                c = '\n';
            }
            else if (c is '\f' or '\v' or '\u2028' or '\u2029' or '\u0085')
            {
                c = '\n';
            }

            if (c == '\n')
            {
                TrimTrailingSpaces(output, preserveSpacing);
                if (++newlines <= 2 || preserveSpacing)
                {
                    output.Append('\n');
                }

                continue;
            }

            if (Ligature(c) is { } expanded)
            {
                output.Append(expanded);
                newlines = 0;
                continue;
            }

            if (c == '\t' && preserveSpacing)
            {
                output.Append(c);
                continue;
            }

            if (IsRemoved(c))
            {
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                if (preserveSpacing || (output.Length > 0 && output[^1] is not (' ' or '\n')))
                {
                    output.Append(' ');
                }

                continue;
            }

            output.Append(c);
            newlines = 0;
        }

        return output.ToString().Trim();
    }

    private static bool IsRemoved(char c) =>
        (char.IsControl(c) && c != '\t') // line breaks are handled before
        || c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF' or '\u180E'
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || c is '\u200E' or '\u200F' or '\u061C';

    private static string? Ligature(char c) => c switch
    {
        '\uFB00' => "ff",
        '\uFB01' => "fi",
        '\uFB02' => "fl",
        '\uFB03' => "ffi",
        '\uFB04' => "ffl",
        '\uFB05' or '\uFB06' => "st",
        _ => null,
    };

    private static void TrimTrailingSpaces(StringBuilder output, bool preserveSpacing)
    {
        while (!preserveSpacing && output.Length > 0 && output[^1] == ' ')
        {
            output.Length--;
        }
    }
}
