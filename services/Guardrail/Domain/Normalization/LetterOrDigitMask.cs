using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Which characters of a text are letters or digits (<see cref="char.IsLetterOrDigit(char)"/>), as a bitmap: bit
/// <c>i % 64</c> of word <c>i / 64</c>. Built eight characters at a time, so a walk over a text's words jumps from one
/// word to the next instead of testing every character between them.
/// </summary>
public static class LetterOrDigitMask
{
    public static int WordsFor(int length) => (length + 63) >> 6;

    /// <param name="bits">At least <see cref="WordsFor"/> words; overwritten.</param>
    public static void Fill(ReadOnlySpan<char> text, Span<ulong> bits)
    {
        bits[..WordsFor(text.Length)].Clear();
        var units = MemoryMarshal.Cast<char, ushort>(text);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + 8 <= units.Length; i += 8)
            {
                var v = Vector128.Create(units.Slice(i, 8));
                var found = AsciiLettersOrDigits(v).ExtractMostSignificantBits();
                var other = Vector128.GreaterThan(v, Vector128.Create((ushort)127)).ExtractMostSignificantBits();
                while (other != 0)
                {
                    var k = BitOperations.TrailingZeroCount(other);
                    found |= char.IsLetterOrDigit(text[i + k]) ? 1u << k : 0;
                    other &= other - 1;
                }

                bits[i >> 6] |= (ulong)found << (i & 63);
            }
        }

        for (; i < text.Length; i++)
        {
            if (char.IsLetterOrDigit(text[i]))
            {
                bits[i >> 6] |= 1UL << (i & 63);
            }
        }
    }

    /// <summary>All bits set in the lanes holding an ASCII letter or digit.</summary>
    internal static Vector128<ushort> AsciiLettersOrDigits(Vector128<ushort> v)
    {
        // Unsigned: one comparison per range. Setting 0x20 lower-cases ASCII letters and moves nothing into a–z.
        var letters = Vector128.LessThanOrEqual((v | Vector128.Create((ushort)0x20)) - Vector128.Create((ushort)'a'), Vector128.Create((ushort)25));
        var digits = Vector128.LessThanOrEqual(v - Vector128.Create((ushort)'0'), Vector128.Create((ushort)9));
        return letters | digits;
    }

    /// <summary>The first letter or digit at or after <paramref name="from"/>; <paramref name="length"/> when none.</summary>
    public static int NextSet(ReadOnlySpan<ulong> bits, int from, int length) => Next(bits, from, length, 0);

    /// <summary>The first character at or after <paramref name="from"/> that is neither; <paramref name="length"/> when none.</summary>
    public static int NextClear(ReadOnlySpan<ulong> bits, int from, int length) => Next(bits, from, length, ulong.MaxValue);

    private static int Next(ReadOnlySpan<ulong> bits, int from, int length, ulong flip)
    {
        var w = from >> 6;
        if (from >= length)
        {
            return length;
        }

        var word = (bits[w] ^ flip) & (ulong.MaxValue << (from & 63));
        while (word == 0)
        {
            if (++w >= WordsFor(length))
            {
                return length;
            }

            word = bits[w] ^ flip;
        }

        return Math.Min((w << 6) + BitOperations.TrailingZeroCount(word), length);
    }
}
