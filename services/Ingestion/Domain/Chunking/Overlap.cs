namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>The end of a chunk repeated at the start of the next one, and the last-resort cut of an over-long text.</summary>
internal static class Overlap
{
    /// <summary>The longest run of whole final sentences within <paramref name="maxTokens"/>; else the last words that fit.</summary>
    public static string Tail(string text, int maxTokens, ITokenCounter tokens)
    {
        var sentences = SentenceSplitter.Split(text).ToList();
        var start = text.Length;
        for (var i = sentences.Count - 1; i >= 0; i--)
        {
            if (tokens.Count(text[sentences[i].Start..]) > maxTokens)
            {
                break;
            }

            start = sentences[i].Start;
        }

        if (start < text.Length)
        {
            // Whole sentences, unless that is the entire piece (then the next chunk would just repeat it).
            return start == 0 ? WordsTail(text, maxTokens / 2, tokens) : text[start..].Trim();
        }

        return WordsTail(text, maxTokens, tokens);
    }

    public static IEnumerable<string> Slices(string text, int maxTokens, ITokenCounter tokens)
    {
        var start = 0;
        while (start < text.Length)
        {
            var length = Math.Max(1, tokens.PrefixLength(text[start..], maxTokens));
            var slice = text.Substring(start, length).Trim();
            if (slice.Length > 0)
            {
                yield return slice;
            }

            start += length;
        }
    }

    private static string WordsTail(string text, int maxTokens, ITokenCounter tokens)
    {
        // Binary search over word starts for the earliest one whose suffix fits.
        var starts = new List<int>();
        for (var i = 1; i < text.Length; i++)
        {
            if (text[i - 1] == ' ' && text[i] != ' ')
            {
                starts.Add(i);
            }
        }

        int low = 0, high = starts.Count - 1, best = -1;
        while (low <= high)
        {
            var middle = (low + high) / 2;
            if (tokens.Count(text[starts[middle]..]) <= maxTokens)
            {
                best = middle;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return best < 0 ? "" : text[starts[best]..].Trim();
    }
}
