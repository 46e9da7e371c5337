using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Finds the long runs of base64 and token characters (ASCII letters, digits and <c>+/-_=</c>): encoded payloads and
/// keys are such runs, ordinary words are far shorter. The text is read 64 characters at a time as a bitmap of token
/// characters, in which a run of the minimum length is a few shifts and ANDs away: prose, where runs end at every
/// space, costs no branch per word.
/// </summary>
public static class TokenRuns
{
    private const int Block = 64;

    /// <summary>
    /// The next maximal run of at least <paramref name="minLength"/> (at most 64) token characters starting at or after
    /// <paramref name="from"/>, which moves past it; false when there is none.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, int minLength, ref int from, out int start, out int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minLength, Block);
        ArgumentOutOfRangeException.ThrowIfLessThan(minLength, 1);

        // Token characters that end the previous block (counted from `from`): a run may continue into this one.
        var carried = 0;
        for (var p = from; p < text.Length; p += Block)
        {
            var count = Math.Min(Block, text.Length - p);
            var mask = Mask(text.Slice(p, count));
            var leading = BitOperations.TrailingZeroCount(~mask);
            var within = RunsOfAtLeast(mask, minLength);
            if (carried + leading >= minLength || within != 0)
            {
                start = carried + leading >= minLength ? p - carried : p + BitOperations.TrailingZeroCount(within);
                var end = start + minLength;
                while (end < text.Length && IsToken(text[end]))
                {
                    end++;
                }

                length = end - start;
                from = end;
                return true;
            }

            carried = mask == ulong.MaxValue ? carried + Block : BitOperations.LeadingZeroCount(~mask);
        }

        from = text.Length;
        start = 0;
        length = 0;
        return false;
    }

    /// <summary>Bit i set where bits i to i + <paramref name="length"/> - 1 are all set.</summary>
    private static ulong RunsOfAtLeast(ulong mask, int length)
    {
        var covered = 1;
        for (; covered * 2 <= length; covered *= 2)
        {
            mask &= mask >> covered;
        }

        return covered < length ? mask & (mask >> (length - covered)) : mask;
    }

    /// <summary>Bit i set where character i (of at most 64) is a token character.</summary>
    private static ulong Mask(ReadOnlySpan<char> text)
    {
        var units = MemoryMarshal.Cast<char, ushort>(text);
        ulong mask = 0;
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= units.Length; i += 8)
            {
                var v = Vector128.Create(units.Slice(i, 8));
                var symbols = Vector128.Equals(v, Vector128.Create((ushort)'+')) | Vector128.Equals(v, Vector128.Create((ushort)'-'))
                    | Vector128.Equals(v, Vector128.Create((ushort)'/')) | Vector128.Equals(v, Vector128.Create((ushort)'='))
                    | Vector128.Equals(v, Vector128.Create((ushort)'_'));
                mask |= (ulong)(LetterOrDigitMask.AsciiLettersOrDigits(v) | symbols).ExtractMostSignificantBits() << i;
            }
        }

        for (; i < text.Length; i++)
        {
            mask |= IsToken(text[i]) ? 1UL << i : 0;
        }

        return mask;
    }

    private static bool IsToken(char c) => c < 128 && Table[c] != 0;

    // 1 for A-Z, a-z, 0-9, '+', '-', '/', '=', '_'.
    private static ReadOnlySpan<byte> Table =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];
}
