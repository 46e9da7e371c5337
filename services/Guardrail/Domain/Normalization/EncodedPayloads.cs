using System.Buffers;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Unicode;

namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Finds text hidden in encodings and returns it decoded and normalised: Unicode tag characters, base64 (standard and
/// URL-safe), hex, percent escapes, HTML character references and <c>\uXXXX</c> escapes. Only payloads that decode to
/// readable text count; random tokens and binary data do not.
/// </summary>
public static class EncodedPayloads
{
    private const int MinBase64Length = 16;
    private const int MinHexLength = 16;
    private const int MaxSegments = 8;
    private const int MaxDecodedChars = 64 * 1024;

    public static IReadOnlyList<DecodedSegment> Decode(string text, string? hiddenTags, int depth)
    {
        List<DecodedSegment>? segments = null;
        var budget = MaxDecodedChars;
        if (!string.IsNullOrEmpty(hiddenTags))
        {
            Add(ref segments, "unicode-tags", hiddenTags, depth, ref budget);
        }

        FindRuns(text, ref segments, depth, ref budget);

        if (CountEscapes(text, '%') >= 3)
        {
            Add(ref segments, "percent", Uri.UnescapeDataString(text), depth, ref budget, text);
        }

        if (text.Contains("&#", StringComparison.Ordinal))
        {
            Add(ref segments, "html-entities", WebUtility.HtmlDecode(text), depth, ref budget, text);
        }

        // Ordinal on purpose: case-insensitive search is ~30x slower in invariant globalisation mode.
        if (text.Contains("\\u", StringComparison.Ordinal) || text.Contains("\\U", StringComparison.Ordinal))
        {
            Add(ref segments, "unicode-escapes", UnescapeUnicode(text), depth, ref budget, text);
        }

        return segments ?? (IReadOnlyList<DecodedSegment>)[];
    }

    /// <summary>
    /// One pass over runs of base64 characters: a run of 16 or more that is all hex (with digits and letters) is tried
    /// as hex, one with upper- and lower-case letters as base64.
    /// </summary>
    private static void FindRuns(string text, ref List<DecodedSegment>? segments, int depth, ref int budget)
    {
        var from = 0;
        while (TokenRuns.Next(text, MinBase64Length, ref from, out var start, out var length))
        {
            var run = text.AsSpan(start, length);
            bool upper = false, lower = false, digit = false, nonHex = false;
            foreach (var c in run)
            {
                upper |= c is >= 'A' and <= 'Z';
                lower |= c is >= 'a' and <= 'z';
                digit |= c is >= '0' and <= '9';
                nonHex |= !char.IsAsciiHexDigit(c);
            }

            // Both digits and letters: hex-encoded text always has both, phone and card numbers never have letters.
            if (!nonHex && digit && (upper || lower) && run.Length >= MinHexLength)
            {
                if (TryDecodeHex(run[..(run.Length & ~1)], out var hex))
                {
                    Add(ref segments, "hex", hex, depth, ref budget);
                }
            }
            else if (upper && lower && TryDecodeBase64(run, out var decoded))
            {
                Add(ref segments, "base64", decoded, depth, ref budget);
            }
        }
    }

    private static bool TryDecodeHex(ReadOnlySpan<char> run, out string decoded)
    {
        var bytes = new byte[run.Length / 2];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = byte.Parse(run.Slice(i * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        return TryReadableUtf8(bytes, out decoded);
    }

    private static bool TryDecodeBase64(ReadOnlySpan<char> run, out string decoded)
    {
        decoded = "";
        run = run.TrimEnd('=');
        if (run.Length % 4 == 1)
        {
            run = run[..^1];
        }

        var padded = ArrayPool<char>.Shared.Rent(run.Length + 3);
        var bytes = ArrayPool<byte>.Shared.Rent(run.Length);
        try
        {
            var n = 0;
            foreach (var c in run)
            {
                padded[n++] = c switch { '-' => '+', '_' => '/', _ => c };
            }

            while (n % 4 != 0)
            {
                padded[n++] = '=';
            }

            return Convert.TryFromBase64Chars(padded.AsSpan(0, n), bytes, out var written)
                && TryReadableUtf8(bytes.AsSpan(0, written), out decoded);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(padded);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>Strict UTF-8 that reads as text: mostly letters, digits, punctuation and spaces, with some letters.</summary>
    private static bool TryReadableUtf8(ReadOnlySpan<byte> bytes, out string text)
    {
        text = "";
        var chars = ArrayPool<char>.Shared.Rent(bytes.Length + 1);
        try
        {
            if (Utf8.ToUtf16(bytes, chars, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                return false;
            }

            var decoded = chars.AsSpan(0, written);
            int readable = 0, letters = 0;
            foreach (var c in decoded)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    readable++;
                }
                else if (char.IsDigit(c) || char.IsWhiteSpace(c) || char.IsPunctuation(c) || char.IsSymbol(c))
                {
                    readable++;
                }
            }

            if (letters < 4 || readable < decoded.Length * 0.9)
            {
                return false;
            }

            text = decoded.ToString();
            return true;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    private static int CountEscapes(string text, char marker)
    {
        var count = 0;
        for (var i = text.IndexOf(marker); i >= 0 && i + 2 < text.Length; i = text.IndexOf(marker, i + 1))
        {
            if (char.IsAsciiHexDigit(text[i + 1]) && char.IsAsciiHexDigit(text[i + 2]))
            {
                count++;
            }
        }

        return count;
    }

    private static string UnescapeUnicode(string text)
    {
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 5 < text.Length && text[i + 1] is 'u' or 'U'
                && ushort.TryParse(text.AsSpan(i + 2, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
            {
                builder.Append((char)code);
                i += 5;
                continue;
            }

            builder.Append(text[i]);
        }

        return builder.ToString();
    }

    private static void Add(
        ref List<DecodedSegment>? segments, string encoding, string decoded, int depth, ref int budget, string? original = null)
    {
        if (decoded.Length == 0 || decoded == original || budget < decoded.Length || (segments?.Count ?? 0) >= MaxSegments)
        {
            return;
        }

        // Escapes decoded in place hide text only when they make up a good part of it.
        var hidden = original is null || original.Length - decoded.Length >= original.Length / 5;
        budget -= decoded.Length;
        (segments ??= []).Add(new DecodedSegment(encoding, TextNormalizer.Normalize(decoded, depth), hidden));
    }
}
