namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>Shannon entropy of the characters of a string.</summary>
public static class Entropy
{
    public static double BitsPerChar(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty)
        {
            return 0;
        }

        Span<int> counts = stackalloc int[128];
        var other = 0;
        foreach (var c in text)
        {
            if (c < 128)
            {
                counts[c]++;
            }
            else
            {
                other++;
            }
        }

        double bits = 0;
        foreach (var count in counts)
        {
            bits += Term(count, text.Length);
        }

        return bits + Term(other, text.Length);
    }

    private static double Term(int count, int total)
    {
        if (count == 0)
        {
            return 0;
        }

        var p = (double)count / total;
        return -p * Math.Log2(p);
    }
}
