using SecureRag.Retrieval.Domain.Analysis;

namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>
/// A short extract of a chunk for citation display: the window of about <c>length</c> characters that holds the
/// most distinct query terms, cut at word boundaries.
/// </summary>
public static class SnippetBuilder
{
    public static string Build(string text, IReadOnlySet<string> queryTerms, int length)
    {
        if (text.Length <= length)
        {
            return text.Trim();
        }

        var step = Math.Max(1, length / 4);
        var bestStart = 0;
        var bestScore = -1;
        for (var start = 0; start < text.Length; start += step)
        {
            var window = text.AsSpan(start, Math.Min(length, text.Length - start)).ToString();
            var terms = TextAnalyzer.Analyze(window).TermFrequencies.Keys;
            var score = terms.Count(queryTerms.Contains);
            if (score > bestScore)
            {
                (bestScore, bestStart) = (score, start);
            }

            if (start + length >= text.Length)
            {
                break;
            }
        }

        return Cut(text, bestStart, length);
    }

    private static string Cut(string text, int start, int length)
    {
        var end = Math.Min(text.Length, start + length);
        while (start > 0 && start < end && !char.IsWhiteSpace(text[start - 1]) && !CjkCharacters.IsCjk(text[start]))
        {
            start++;
        }

        while (end < text.Length && end > start && !char.IsWhiteSpace(text[end]) && !CjkCharacters.IsCjk(text[end - 1]))
        {
            end--;
        }

        var prefix = start > 0 ? "…" : "";
        var suffix = end < text.Length ? "…" : "";
        return prefix + text[start..end].Trim() + suffix;
    }
}
