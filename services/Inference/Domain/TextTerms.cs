using System.Globalization;

namespace SecureRag.Inference.Domain;

/// <summary>
/// Terms for matching a question against sentences: lower-cased words without English stop words, and character
/// bigrams for CJK text, which has no spaces.
/// </summary>
public static class TextTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "in", "is",
        "it", "its", "me", "my", "of", "on", "or", "should", "that", "the", "their", "there", "this", "to", "was",
        "we", "what", "when", "where", "which", "who", "why", "will", "with", "you", "your",
    };

    private const int MaxTermLength = 64;

    public static HashSet<string> Extract(string text)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var word = new System.Text.StringBuilder();
        char? previousCjk = null;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                Flush(word, terms);
                if (previousCjk is { } p)
                {
                    terms.Add(string.Concat(p, c));
                }

                previousCjk = c;
                continue;
            }

            previousCjk = null;
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
            }
            else
            {
                Flush(word, terms);
            }
        }

        Flush(word, terms);
        return terms;
    }

    /// <summary>
    /// Which of <paramref name="terms"/> (at most 64, by index) occur in <paramref name="text"/>, found the way
    /// <see cref="Extract"/> finds terms but without allocating.
    /// </summary>
    public static ulong Match(string text, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> terms)
    {
        Span<char> word = stackalloc char[MaxTermLength];
        Span<char> pair = stackalloc char[2];
        var length = 0;
        var overlong = false;
        var previousCjk = '\0';
        ulong found = 0;
        foreach (var c in text)
        {
            if (IsCjk(c))
            {
                found |= Lookup(word, ref length, ref overlong, terms);
                if (previousCjk != '\0')
                {
                    pair[0] = previousCjk;
                    pair[1] = c;
                    found |= terms.TryGetValue(pair, out var index) ? 1UL << index : 0;
                }

                previousCjk = c;
                continue;
            }

            previousCjk = '\0';
            if (char.IsLetterOrDigit(c))
            {
                if (length < MaxTermLength)
                {
                    word[length++] = char.ToLowerInvariant(c);
                }
                else
                {
                    overlong = true;
                }
            }
            else
            {
                found |= Lookup(word, ref length, ref overlong, terms);
            }
        }

        return found | Lookup(word, ref length, ref overlong, terms);
    }

    private static ulong Lookup(Span<char> word, ref int length, ref bool overlong, Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> terms)
    {
        var found = length > 0 && !overlong && terms.TryGetValue(word[..length], out var index) ? 1UL << index : 0;
        length = 0;
        overlong = false;
        return found;
    }

    private static void Flush(System.Text.StringBuilder word, HashSet<string> terms)
    {
        if (word.Length == 0)
        {
            return;
        }

        var term = word.ToString();
        word.Clear();
        if (!StopWords.Contains(term))
        {
            terms.Add(term);
        }
    }

    private static bool IsCjk(char c) =>
        CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80';
}
