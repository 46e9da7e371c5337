namespace SecureRag.Guardrail.Domain.Output;

/// <summary>Splits an answer into sentences (start and length in the original text) at ., !, ?, their CJK forms and line breaks.</summary>
public static class SentenceSplitter
{
    public static List<(int Start, int Length)> Split(string text)
    {
        var sentences = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var end = c is '\n' or '。' or '！' or '？'
                || (c is '.' or '!' or '?' && (i + 1 == text.Length || char.IsWhiteSpace(text[i + 1])) && !IsAbbreviation(text, i));
            if (end || i == text.Length - 1)
            {
                Add(text, start, i + 1, sentences);
                start = i + 1;
            }
        }

        return sentences;
    }

    private static void Add(string text, int start, int end, List<(int, int)> into)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            into.Add((start, end - start));
        }
    }

    /// <summary>"e.g." and "Dr." and single initials do not end a sentence.</summary>
    private static bool IsAbbreviation(string text, int dot)
    {
        var wordStart = dot;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, dot - wordStart);
        return text[dot] == '.' && (word.Length == 1 || word is "e.g" or "i.e" or "Dr" or "Mr" or "Mrs" or "Ms" or "vs" or "etc" or "Inc" or "No");
    }
}
