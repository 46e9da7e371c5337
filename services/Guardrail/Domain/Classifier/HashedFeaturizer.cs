using System.Buffers;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Hashes a folded text into feature indices: word unigrams and bigrams (each CJK character counts as a word) and
/// character 4-grams over the text with runs of white space as one space (punctuation kept: it tells a table row or
/// a line of code from prose). The same code featurises
/// for training and for scanning, so the shipped weights mean the same thing in both.
/// </summary>
public sealed class HashedFeaturizer(int bits)
{
    private const uint Prime = 16777619;
    private const uint Basis = 2166136261;
    private const int MaxChars = 16 * 1024;

    // Character 4-grams only: 3- and 5-grams added little on cross-validation and cost two thirds of the time.
    private const int Gram = 4;

    private readonly int _mask = (1 << bits) - 1;

    public int Bits { get; } = bits;

    public void Featurize(ReadOnlySpan<char> folded, FeatureVector into)
    {
        if (folded.Length > MaxChars)
        {
            folded = folded[..MaxChars];
        }

        into.Reserve(folded.Length * 2 + 16);
        AddWords(folded, into);
        AddCharGrams(folded, into);
    }

    /// <summary>A synthetic feature (structure of the text, e.g. "prose line inside a table").</summary>
    public void AddToken(string token, FeatureVector into, int times = 1) => into.Add(TokenBucket(token), times);

    /// <summary>The bucket of a synthetic feature.</summary>
    public int TokenBucket(string token) => Bucket(Hash(token, 0x5bd1e995));

    private void AddWords(ReadOnlySpan<char> text, FeatureVector into)
    {
        uint previous = 0;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }

            var start = i;
            if (IsCjk(text[i]))
            {
                i++;
            }
            else
            {
                while (i < text.Length && char.IsLetterOrDigit(text[i]) && !IsCjk(text[i]))
                {
                    i++;
                }
            }

            var word = Hash(text[start..i], 0x9e3779b9);
            into.Add(Bucket(word));
            if (previous != 0)
            {
                into.Add(Bucket(Mix(previous * 31 + word)));
            }

            previous = word;
        }
    }

    private void AddCharGrams(ReadOnlySpan<char> text, FeatureVector into)
    {
        // The text with runs of white space as one space and a leading space, then every 4-gram.
        var buffer = ArrayPool<char>.Shared.Rent(text.Length + 1);
        try
        {
            var n = 0;
            buffer[n++] = ' ';
            var lastSpace = true;
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c))
                {
                    buffer[n++] = c;
                    lastSpace = false;
                }
                else if (!lastSpace)
                {
                    buffer[n++] = ' ';
                    lastSpace = true;
                }
            }

            for (var i = 0; i + Gram <= n; i++)
            {
                var h = Basis ^ 0x27d4eb2d;
                for (var k = i; k < i + Gram; k++)
                {
                    h = (h ^ buffer[k]) * Prime;
                }

                into.Add(Bucket(Mix(h)));
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private int Bucket(uint hash) => (int)(hash & (uint)_mask);

    private static uint Hash(ReadOnlySpan<char> chars, uint seed)
    {
        var h = Basis ^ seed;
        foreach (var c in chars)
        {
            h = (h ^ c) * Prime;
        }

        return Mix(h);
    }

    private static uint Mix(uint h)
    {
        h ^= h >> 16;
        h *= 0x85ebca6b;
        h ^= h >> 13;
        h *= 0xc2b2ae35;
        h ^= h >> 16;
        return h;
    }

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}
