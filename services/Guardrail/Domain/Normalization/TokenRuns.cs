namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Finds the long runs of base64 and token characters (ASCII letters, digits and <c>+/-_=</c>): encoded payloads and
/// keys are such runs, ordinary words are far shorter. One counting pass whose only branch is taken when a run reaches
/// the minimum length; a vectorised search per run boundary costs two calls for every word of prose.
/// </summary>
public static class TokenRuns
{
    /// <summary>
    /// The next maximal run of at least <paramref name="minLength"/> token characters starting at or after
    /// <paramref name="from"/>, which moves past it; false when there is none.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, int minLength, ref int from, out int start, out int length)
    {
        var run = 0;
        for (var i = from; i < text.Length; i++)
        {
            // Branch-free: DEL (127) is not a token character, so every character from 127 up reads as none.
            run = (run + 1) & -Table[Math.Min((int)text[i], 127)];
            if (run == minLength)
            {
                start = i + 1 - minLength;
                var end = i + 1;
                while (end < text.Length && IsToken(text[end]))
                {
                    end++;
                }

                length = end - start;
                from = end;
                return true;
            }
        }

        from = text.Length;
        start = 0;
        length = 0;
        return false;
    }

    private static bool IsToken(char c) => c < 128 && Table[c] != 0;

    // 1 for A-Z, a-z, 0-9, '+', '-', '/', '=', '_'.
    private static ReadOnlySpan<byte> Table =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1,
        0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    ];
}
