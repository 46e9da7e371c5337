namespace SecureRag.Gateway.Query;

/// <summary>
/// Cuts a streamed answer into sentence-sized segments, each released only after the output rail has checked it:
/// a segment ends after a sentence terminator followed by white space (or a CJK terminator, or a line break) once it
/// holds at least the minimum length, or at the last space before the maximum length when no sentence ends.
/// A value split across deltas (an e-mail address, a card number, the canary) is therefore checked whole.
/// </summary>
public sealed class SentenceSegmenter(int minChars, int maxChars)
{
    private readonly System.Text.StringBuilder _buffer = new();

    /// <summary>Adds a delta; returns the segments it completed, in order.</summary>
    public List<string> Push(string delta)
    {
        _buffer.Append(delta);
        var segments = new List<string>();
        var start = 0;
        var text = _buffer.ToString();
        for (var i = 0; i < text.Length; i++)
        {
            var length = i + 1 - start;
            var end = IsCjkTerminator(text[i]) || text[i] == '\n'
                || (IsTerminator(text[i]) && i + 1 < text.Length && char.IsWhiteSpace(text[i + 1]));
            if (end && length >= minChars)
            {
                var stop = i + 1;
                while (stop < text.Length && text[stop] is ' ' or '\t')
                {
                    stop++;
                }

                segments.Add(text[start..stop]);
                start = stop;
                i = stop - 1;
            }
            else if (length >= maxChars)
            {
                var space = text.LastIndexOf(' ', i, length);
                var stop = space > start ? space + 1 : i + 1;
                segments.Add(text[start..stop]);
                start = stop;
                i = stop - 1;
            }
        }

        _buffer.Remove(0, start);
        return segments;
    }

    /// <summary>What is left at the end of the answer.</summary>
    public string Flush()
    {
        var rest = _buffer.ToString();
        _buffer.Clear();
        return rest;
    }

    private static bool IsTerminator(char c) => c is '.' or '!' or '?';

    private static bool IsCjkTerminator(char c) => c is '。' or '！' or '？';
}
