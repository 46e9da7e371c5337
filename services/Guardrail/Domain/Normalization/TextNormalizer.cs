using System.Buffers;
using System.Text;

namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// Undoes the obfuscations attackers use so that rules and the classifier see the plain phrasing: invisible and
/// bidirectional characters, Unicode tag characters, compatibility forms, diacritics, homoglyphs, leetspeak, letters
/// spaced apart, text split across lines (in <see cref="NormalizedText.Squashed"/>) and encoded payloads (base64, hex,
/// percent, entity and <c>\u</c> escapes), each decoded payload normalised in turn.
/// </summary>
public static class TextNormalizer
{
    private const int MaxDecodeDepth = 2;

    // 1 for each ASCII character that is not leetspeak (see Leetspeak.Map).
    private static readonly byte[] PlainAscii = [.. Enumerable.Range(0, 128).Select(c => Leetspeak.Map((char)c) == '\0' ? (byte)1 : (byte)0)];

    public static NormalizedText Normalize(string text) => Normalize(text, 0);

    internal static NormalizedText Normalize(string text, int depth)
    {
        var signals = NormalizationSignals.None;
        StringBuilder? hidden = null;
        var buffer = ArrayPool<char>.Shared.Rent(text.Length * 3 + 16);
        try
        {
            var length = Fold(text, buffer, ref signals, ref hidden);
            var folded = new string(buffer, 0, length);
            var squashed = Squash(buffer, length);
            var decoded = depth < MaxDecodeDepth
                ? EncodedPayloads.Decode(text, hidden?.ToString(), depth + 1)
                : [];
            if (decoded.Count > 0)
            {
                signals |= NormalizationSignals.Encoded;
            }

            return new NormalizedText
            {
                Original = text,
                Folded = folded,
                Squashed = squashed,
                Decoded = decoded,
                Signals = signals,
            };
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Folds each character into <paramref name="buffer"/> with runs of white space as one separator, and each word
    /// as soon as its separator is written (homoglyphs and leetspeak), then joins letters spaced apart: one pass over
    /// the text, each word folded while it is still in cache, and words with nothing to fold not looked at again.
    /// </summary>
    private static int Fold(string text, char[] buffer, ref NormalizationSignals signals, ref StringBuilder? hidden)
    {
        var n = 0;
        var pending = '\0';
        var words = new WordState();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            char folded;
            if (IsVisibleAscii(c))
            {
                // A run of printable ASCII (most text) folds without a look at anything but the character: no
                // separator, signal or expansion can occur inside it.
                n = Flush(buffer, n, ref pending, ref words, ref signals);
                var plain = words.Plain;
                do
                {
                    folded = CharFolding.Fold(c);
                    buffer[n++] = folded;
                    plain &= IsPlain(folded);
                }
                while (++i < text.Length && IsVisibleAscii(c = text[i]));

                words.Plain = plain;
                i--;
                continue;
            }

            if (c < 128)
            {
                // White space and controls: one separator per run of white space, controls dropped.
                folded = CharFolding.Fold(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[i + 1]);
                i++;
                if (CharFolding.IsTagCharacter(codePoint))
                {
                    signals |= NormalizationSignals.TagCharacters;
                    if (codePoint is >= 0xE0020 and <= 0xE007E)
                    {
                        (hidden ??= new StringBuilder()).Append((char)(codePoint - 0xE0000));
                    }

                    continue;
                }

                if (!CharFolding.TryFoldAstral(codePoint, out folded))
                {
                    n = Flush(buffer, n, ref pending, ref words, ref signals);
                    buffer[n++] = c;
                    buffer[n++] = text[i];
                    words.Plain = false;
                    continue;
                }

                if (folded != CharFolding.Drop)
                {
                    signals |= NormalizationSignals.CompatibilityForms;
                }
            }
            else
            {
                folded = CharFolding.Fold(c);
                if (c >= '\uFF01' && folded < '\u0080')
                {
                    signals |= NormalizationSignals.CompatibilityForms;
                }
            }

            switch (folded)
            {
                case CharFolding.Drop:
                    var signal = CharFolding.SignalOf(c);
                    // A zero-width character only signals inside a word: next to an emoji it is a joiner.
                    if (signal == NormalizationSignals.BidiControls
                        || (signal != NormalizationSignals.None && pending == '\0' && n > 0 && char.IsLetterOrDigit(buffer[n - 1])))
                    {
                        signals |= signal;
                    }

                    break;
                case ' ':
                    pending = pending == '\n' ? '\n' : ' ';
                    break;
                case '\n':
                    pending = '\n';
                    break;
                case CharFolding.Expand:
                    n = Flush(buffer, n, ref pending, ref words, ref signals);
                    foreach (var e in CharFolding.Expansion(c))
                    {
                        buffer[n++] = e;
                        words.Plain &= IsPlain(e);
                    }

                    break;
                default:
                    n = Flush(buffer, n, ref pending, ref words, ref signals);
                    buffer[n++] = folded;
                    words.Plain &= IsPlain(folded);
                    break;
            }
        }

        if (n > 0)
        {
            CompleteWord(buffer, n, ref words, ref signals);
        }

        return words.Spaced ? JoinSpacedLetters(buffer, n, ref signals) : n;
    }

    private static int Flush(char[] buffer, int n, ref char pending, ref WordState words, ref NormalizationSignals signals)
    {
        if (pending != '\0')
        {
            n = EndWord(buffer, n, pending, ref words, ref signals);
            pending = '\0';
        }

        return n;
    }

    /// <summary>Before a character that follows white space: the word before it is complete; then the separator.</summary>
    private static int EndWord(char[] buffer, int n, char separator, ref WordState words, ref NormalizationSignals signals)
    {
        if (n == 0)
        {
            return 0;
        }

        CompleteWord(buffer, n, ref words, ref signals);
        buffer[n] = separator;
        words = new WordState { Start = n + 1, SingleLetters = words.SingleLetters, Spaced = words.Spaced };
        return n + 1;
    }

    /// <summary>The word that ends at <paramref name="end"/>: folded, and counted towards letters spaced apart.</summary>
    private static void CompleteWord(char[] buffer, int end, ref WordState words, ref NormalizationSignals signals)
    {
        var start = words.Start;
        if (!words.Plain)
        {
            FoldWord(buffer.AsSpan(start, end - start), ref signals);
        }

        words.SingleLetters = end - start == 1 && char.IsLetter(buffer[start]) ? words.SingleLetters + 1 : 0;
        words.Spaced |= words.SingleLetters >= 4;
    }

    /// <summary>
    /// Where the current word starts, whether it has nothing to fold so far (see <see cref="IsPlain"/>), and the run of
    /// one-letter words before it.
    /// </summary>
    private struct WordState()
    {
        public int Start;
        public bool Plain = true;
        public int SingleLetters;
        public bool Spaced;
    }

    private static bool IsVisibleAscii(char c) => (uint)(c - '!') <= '~' - '!';

    /// <summary>ASCII but no leetspeak character: no homoglyph (none is ASCII) and no leetspeak, so nothing to fold.</summary>
    private static bool IsPlain(char c) => c < 128 && PlainAscii[c] != 0;

    /// <summary>Homoglyphs and leetspeak folded in place inside one word.</summary>
    private static void FoldWord(Span<char> word, ref NormalizationSignals signals)
    {
        int latin = 0, confusable = 0, leet = 0, other = 0;
        foreach (var c in word)
        {
            if (c is >= 'a' and <= 'z')
            {
                latin++;
            }
            else if (Homoglyphs.IsConfusable(c))
            {
                confusable++;
            }
            else if (Leetspeak.Map(c) != '\0')
            {
                leet++;
            }
            else if (char.IsLetter(c))
            {
                other++;
            }
        }

        if (confusable > 0 && latin > 0)
        {
            for (var i = 0; i < word.Length; i++)
            {
                if (Homoglyphs.TryMap(word[i], out var mapped))
                {
                    word[i] = mapped;
                }
            }

            latin += confusable;
            signals |= NormalizationSignals.Homoglyphs;
        }

        if (leet == 0 || latin < 2 || other > 0)
        {
            return;
        }

        var mappedAny = false;
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            var letter = Leetspeak.Map(c);
            if (letter == '\0')
            {
                continue;
            }

            // Symbols only between two letters or digits ("p@ss"), so trailing "!" or "$5" stay as they are.
            if (Leetspeak.IsSymbol(c) && (i == 0 || i == word.Length - 1
                || !char.IsLetterOrDigit(word[i - 1]) || !char.IsLetterOrDigit(word[i + 1])))
            {
                continue;
            }

            word[i] = letter;
            mappedAny = true;
        }

        if (mappedAny)
        {
            signals |= NormalizationSignals.Leetspeak;
        }
    }

    /// <summary>"s a y t h a t" becomes "saythat": runs of four or more single letters lose their spaces.</summary>
    private static int JoinSpacedLetters(char[] buffer, int length, ref NormalizationSignals signals)
    {
        var source = ArrayPool<char>.Shared.Rent(length);
        try
        {
            Array.Copy(buffer, source, length);
            var write = 0;
            var i = 0;
            while (i < length)
            {
                var run = SpacedRunAt(source, length, i);
                if (run >= 4)
                {
                    for (var k = 0; k < run; k++)
                    {
                        buffer[write++] = source[i + 2 * k];
                    }

                    i += 2 * run - 1;
                    if (run >= 8)
                    {
                        // Short runs are initials and lists ("a b c d"); eight or more letters are an obfuscated word.
                        signals |= NormalizationSignals.SpacedLetters;
                    }

                    continue;
                }

                buffer[write++] = source[i++];
            }

            return write;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(source);
        }
    }

    /// <summary>How many single letters, each standing alone between separators, start at <paramref name="i"/>.</summary>
    private static int SpacedRunAt(char[] text, int length, int i)
    {
        if (i > 0 && !IsBoundary(text, i - 1))
        {
            return 0;
        }

        var run = 0;
        for (var j = i; j < length && char.IsLetter(text[j]) && (j + 1 == length || IsBoundary(text, j + 1)); j += 2)
        {
            run++;
        }

        return run;
    }

    private static bool IsBoundary(char[] buffer, int index) => buffer[index] is ' ' or '\n';

    private static string Squash(char[] buffer, int length)
    {
        // Every character is written and only letters and digits advance: no branch to mispredict on each space.
        var n = 0;
        for (var i = 0; i < length; i++)
        {
            var c = buffer[i];
            buffer[n] = c;
            n += char.IsLetterOrDigit(c) ? 1 : 0;
        }

        return new string(buffer, 0, n);
    }
}
