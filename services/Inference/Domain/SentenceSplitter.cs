namespace SecureRag.Inference.Domain;

/// <summary>
/// Splits text into sentences: after <c>. ! ?</c> (and closing quotes or brackets) followed by white space and a
/// capital, digit or opening quote; after CJK full stops; at line breaks. Each sentence is a verbatim, trimmed slice of
/// the input, so whatever is built from sentences only ever quotes the source.
/// </summary>
public static class SentenceSplitter
{
    public static List<Sentence> Split(string text)
    {
        var sentences = new List<Sentence>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            int end;
            if (c is '\n' or '\r')
            {
                end = i;
            }
            else if (c is '。' or '！' or '？')
            {
                end = i + 1;
            }
            else if (c is '.' or '!' or '?' && IsSentenceEnd(text, i, out var after))
            {
                end = after;
            }
            else
            {
                continue;
            }

            Add(sentences, text, start, end);
            start = end;
            i = Math.Max(i, end - 1);
        }

        Add(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool IsSentenceEnd(string text, int i, out int after)
    {
        var j = i + 1;
        while (j < text.Length && text[j] is '.' or '!' or '?' or '"' or '\'' or ')' or ']' or '”' or '’')
        {
            j++;
        }

        after = j;
        if (j >= text.Length)
        {
            return true;
        }

        if (!char.IsWhiteSpace(text[j]))
        {
            return false;
        }

        var k = j;
        while (k < text.Length && char.IsWhiteSpace(text[k]))
        {
            k++;
        }

        // "e.g. the" or "3.5 times" are not ends; a one-letter word before the stop ("J. Smith") is not either.
        return k >= text.Length
            || ((char.IsUpper(text[k]) || char.IsDigit(text[k]) || text[k] is '"' or '“' or '(' or '[') && !IsInitial(text, i));
    }

    private static bool IsInitial(string text, int dot) =>
        text[dot] == '.' && dot >= 1 && char.IsUpper(text[dot - 1]) && (dot == 1 || !char.IsLetter(text[dot - 2]));

    private static void Add(List<Sentence> sentences, string text, int start, int end)
    {
        var span = text.AsSpan(start, end - start).Trim();
        if (span.Length > 0)
        {
            sentences.Add(new Sentence(span.ToString(), sentences.Count));
        }
    }
}
