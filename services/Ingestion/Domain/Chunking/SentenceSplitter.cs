using System.Text.RegularExpressions;

namespace SecureRag.Ingestion.Domain.Chunking;

/// <summary>Sentence boundaries for splitting a paragraph that is too long: terminal punctuation (Latin or CJK) then space or an ideographic stop.</summary>
public static partial class SentenceSplitter
{
    /// <returns>(start, length) of each sentence, covering the text.</returns>
    public static IEnumerable<(int Start, int Length)> Split(string text)
    {
        var start = 0;
        foreach (Match match in Boundary().Matches(text))
        {
            var end = match.Index + match.Length;
            if (end > start && end < text.Length)
            {
                yield return (start, end - start);
                start = end;
            }
        }

        if (start < text.Length)
        {
            yield return (start, text.Length - start);
        }
    }

    [GeneratedRegex(@"(?<=[.!?;:])[""')\]]*\s+|(?<=[。！？])|\n+")]
    private static partial Regex Boundary();
}
