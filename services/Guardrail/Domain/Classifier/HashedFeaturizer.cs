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
        into.Reserve(Math.Min(folded.Length, MaxChars) * 2 + 16);
        Featurize(folded, ref into);
    }

    public void Featurize<TSink>(ReadOnlySpan<char> folded, ref TSink into)
        where TSink : IFeatureSink, allows ref struct
    {
        if (folded.Length > MaxChars)
        {
            folded = folded[..MaxChars];
        }

        AddWords(folded, ref into);
        AddCharGrams(folded, ref into);
    }

    /// <summary>The bucket of a synthetic feature (structure of the text, e.g. "prose line inside a table").</summary>
    public int TokenBucket(string token) => Bucket(Hash(token, 0x5bd1e995));

    private void AddWords<TSink>(ReadOnlySpan<char> text, ref TSink into)
        where TSink : IFeatureSink, allows ref struct
    {
        uint previous = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (!IsWordChar(c))
            {
                i++;
                continue;
            }

            // The word's hash is computed while finding its end: one read of each character.
            var h = Basis ^ 0x9e3779b9;
            if (IsCjk(c))
            {
                h = (h ^ c) * Prime;
                i++;
            }
            else
            {
                for (; i < text.Length && IsWordChar(c = text[i]) && !IsCjk(c); i++)
                {
                    h = (h ^ c) * Prime;
                }
            }

            var word = Mix(h);
            into.Add(Bucket(word));
            if (previous != 0)
            {
                into.Add(Bucket(Mix(previous * 31 + word)));
            }

            previous = word;
        }
    }

    /// <summary>Every 4-gram of the text with runs of white space as one space and a leading space, in one pass.</summary>
    private void AddCharGrams<TSink>(ReadOnlySpan<char> text, ref TSink into)
        where TSink : IFeatureSink, allows ref struct
    {
        // The last three characters of the collapsed text; the first is the leading space.
        char c1 = '\0', c2 = '\0', c3 = ' ';
        var seen = 1;
        var lastSpace = true;
        foreach (var raw in text)
        {
            // Folded text has no runs of white space, so the only branch here is rarely taken, and the space between
            // words costs no mispredicted branch.
            var space = char.IsWhiteSpace(raw);
            if (space && lastSpace)
            {
                continue;
            }

            var c = space ? ' ' : raw;
            lastSpace = space;

            if (++seen >= Gram)
            {
                var h = Basis ^ 0x27d4eb2d;
                h = (h ^ c1) * Prime;
                h = (h ^ c2) * Prime;
                h = (h ^ c3) * Prime;
                h = (h ^ c) * Prime;
                into.Add(Bucket(Mix(h)));
            }

            c1 = c2;
            c2 = c3;
            c3 = c;
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

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u30FF' or >= '\u3400' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}
