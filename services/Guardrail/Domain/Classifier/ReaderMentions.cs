using System.Buffers;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Whether a segment of a folded chunk says "you" (or du, vous, votre, tu, あなた, 你) as a word. The parts of those
/// words are looked for once in the whole chunk, so a segment only looks at the words around the places inside it.
/// </summary>
internal sealed class ReaderMentions
{
    // Each of those words contains one of these. (The two CJK words apart: a non-ASCII needle would take the
    // multi-string search off its fast path.)
    private static readonly SearchValues<string> WordParts = SearchValues.Create(["you", "du", "vo", "tu"], StringComparison.Ordinal);

    private readonly string _folded;
    private readonly List<int> _parts = [];
    private readonly bool _cjk;

    public ReaderMentions(string folded)
    {
        _folded = folded;
        _cjk = folded.AsSpan().IndexOfAny('あ', '你') >= 0;
        for (var at = folded.AsSpan().IndexOfAny(WordParts); at >= 0;)
        {
            _parts.Add(at);
            var next = folded.AsSpan(at + 1).IndexOfAny(WordParts);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    public bool In(int start, int length)
    {
        if (_cjk)
        {
            return WalkWords(_folded.AsSpan(start, length));
        }

        var end = start + length;
        var k = _parts.BinarySearch(start);
        for (k = k < 0 ? ~k : k; k < _parts.Count && _parts[k] < end; k++)
        {
            int wordStart = _parts[k], wordEnd = _parts[k];
            while (wordStart > start && char.IsLetter(_folded[wordStart - 1]))
            {
                wordStart--;
            }

            while (wordEnd < end && char.IsLetter(_folded[wordEnd]))
            {
                wordEnd++;
            }

            if (IsReaderWord(_folded.AsSpan(wordStart, wordEnd - wordStart)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One pass over the segment's words; the first CJK word of address decides.</summary>
    private static bool WalkWords(ReadOnlySpan<char> text)
    {
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is 'あ' or '你')
            {
                return c == '你' || text[i..].StartsWith("あなた");
            }

            if (!char.IsLetter(c))
            {
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length && char.IsLetter(text[i]))
            {
                i++;
            }

            if (IsReaderWord(text[start..i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsReaderWord(ReadOnlySpan<char> word) =>
        word.Length is >= 2 and <= 5 && word is "you" or "your" or "du" or "vous" or "votre" or "tu";
}
