namespace SecureRag.Guardrail.Domain.Output;

/// <summary>
/// Content words of a folded text for lexical comparison: letter-or-digit runs of three or more characters that
/// are not stop words, cut to their first six characters (a crude stem that makes "invoices" meet "invoice"), with
/// each CJK character a word of its own.
/// </summary>
public static class ContentWords
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "the", "and", "for", "are", "but", "not", "you", "your", "with", "this", "that", "from", "they", "was", "were",
        "has", "have", "had", "will", "would", "can", "could", "should", "its", "our", "their", "there", "which", "what",
        "who", "how", "why", "when", "where", "all", "any", "some", "more", "most", "than", "then", "also", "into",
        "about", "over", "such", "only", "other", "these", "those", "been", "being", "does", "did", "his", "her", "she",
        "him", "them", "very", "just", "may", "might", "must", "each", "per", "via", "yes", "der", "die", "das", "und",
        "ist", "les", "des", "est", "une", "los", "las", "que", "por", "una",
    };

    public static List<string> Of(string folded)
    {
        var words = new List<string>();
        var i = 0;
        while (i < folded.Length)
        {
            if (!char.IsLetterOrDigit(folded[i]))
            {
                i++;
                continue;
            }

            if (folded[i] is >= '\u3040' and <= '\u9FFF')
            {
                words.Add(folded[i].ToString());
                i++;
                continue;
            }

            var start = i;
            while (i < folded.Length && char.IsLetterOrDigit(folded[i]) && folded[i] is < '\u3040' or > '\u9FFF')
            {
                i++;
            }

            var length = i - start;
            if (length >= 3)
            {
                var word = folded.Substring(start, Math.Min(length, 6));
                if (!StopWords.Contains(word))
                {
                    words.Add(word);
                }
            }
        }

        return words;
    }
}
