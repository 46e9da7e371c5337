using System.IO.Compression;
using System.Runtime.InteropServices;

namespace SecureRag.Ingestion.Domain.Parsing.Pdf;

/// <summary>
/// Measures what a PDF filter would decode a stream to, without keeping the output: each measure stops as soon as it
/// passes <c>limit</c> (returning a value above it).
/// </summary>
public static class DecodedSize
{
    private const int ScratchLength = 64 * 1024;

    /// <summary>Inflates as PdfPig's FlateFilter does (the two-byte zlib header skipped), counting bytes.</summary>
    public static long Flate(ReadOnlyMemory<byte> input, long limit)
    {
        if (input.Length <= 2)
        {
            return 0;
        }

        using var source = AsStream(input[2..]);
        using var inflater = new DeflateStream(source, CompressionMode.Decompress);
        var scratch = new byte[ScratchLength];
        long total = 0;
        try
        {
            int read;
            while ((read = inflater.Read(scratch, 0, scratch.Length)) > 0)
            {
                total += read;
                if (total > limit)
                {
                    return total;
                }
            }
        }
        catch (InvalidDataException)
        {
            // Damaged from here on: the decoder keeps what came before, and so does the count.
        }

        return total;
    }

    /// <summary>LZW as in PDF (9 to 12-bit codes, clear 256, end 257), tracking only the length of each table entry.</summary>
    public static long Lzw(ReadOnlySpan<byte> input, int earlyChange, long limit)
    {
        Span<int> lengths = stackalloc int[4096];
        var next = 258;
        var width = 9;
        var previous = -1;
        long total = 0;
        var bitBuffer = 0L;
        var bits = 0;
        var position = 0;
        while (true)
        {
            while (bits < width && position < input.Length)
            {
                bitBuffer = (bitBuffer << 8) | input[position++];
                bits += 8;
            }

            if (bits < width)
            {
                return total;
            }

            var code = (int)((bitBuffer >> (bits - width)) & ((1 << width) - 1));
            bits -= width;
            if (code == 256)
            {
                next = 258;
                width = 9;
                previous = -1;
                continue;
            }

            if (code == 257)
            {
                return total;
            }

            int length;
            if (code < 256)
            {
                length = 1;
            }
            else if (code < next)
            {
                length = lengths[code];
            }
            else if (code == next && previous >= 0)
            {
                length = Length(previous, lengths) + 1;
            }
            else
            {
                return total;
            }

            total += length;
            if (total > limit)
            {
                return total;
            }

            if (previous >= 0 && next < 4096)
            {
                lengths[next++] = Length(previous, lengths) + 1;
            }

            previous = code;
            width = next + earlyChange >= 2048 ? 12 : next + earlyChange >= 1024 ? 11 : next + earlyChange >= 512 ? 10 : 9;
        }
    }

    public static long RunLength(ReadOnlySpan<byte> input, long limit)
    {
        long total = 0;
        var i = 0;
        while (i < input.Length && total <= limit)
        {
            var n = input[i++];
            if (n == 128)
            {
                break;
            }

            if (n < 128)
            {
                total += n + 1;
                i += n + 1;
            }
            else
            {
                total += 257 - n;
                i++;
            }
        }

        return total;
    }

    /// <summary>ASCII85: <c>z</c> stands for four zero bytes, every other group of five characters for four bytes.</summary>
    public static long Ascii85(ReadOnlySpan<byte> input)
    {
        long total = 0;
        var group = 0;
        foreach (var b in input)
        {
            if (b == '~')
            {
                break;
            }

            if (b == 'z' && group == 0)
            {
                total += 4;
            }
            else if (b is >= (byte)'!' and <= (byte)'u' && ++group == 5)
            {
                total += 4;
                group = 0;
            }
        }

        return total + Math.Max(0, group - 1);
    }

    private static int Length(int code, Span<int> lengths) => code < 256 ? 1 : lengths[code];

    private static Stream AsStream(ReadOnlyMemory<byte> memory) =>
        MemoryMarshal.TryGetArray(memory, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(memory.ToArray(), writable: false);
}
