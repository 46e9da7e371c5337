using System.Buffers;

namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>
/// Splits a folded chunk into lines (and long lines into sentences) and marks each with its structure: table rows
/// and prose lines inside a table, prose inside a code block, questions, lines that open with an instruction verb or
/// address the reader. Injected instructions sit on lines of their own; these traits let the classifier see a
/// question standing in a table or an instruction standing in a code block, whatever its wording. A chunk that is
/// nothing but one question or instruction is itself treated as an injected instruction: retrieved documents are
/// data, and BIPIA labels such bare payloads as attacks (user questions belong to the input rail).
/// </summary>
public static class ChunkSegmenter
{
    private const int MaxSegmentChars = 300;

    private static readonly SearchValues<string> ReaderWordParts =
        SearchValues.Create(["you", "du", "vo", "tu"], StringComparison.Ordinal);

    public static List<TextSegment> Segment(string folded)
    {
        // Two passes over the lines (the split is a vectorised search) rather than a list of them: one to tell a table,
        // one to segment.
        int tableRows = 0, nonEmpty = 0;
        foreach (var range in folded.AsSpan().Split('\n'))
        {
            var (start, length) = Trim(folded, range.Start.Value, range.End.Value - range.Start.Value);
            if (length > 0)
            {
                nonEmpty++;
                tableRows += folded[start] == '|' ? 1 : 0;
            }
        }

        var isTable = tableRows >= 3 && tableRows * 2 >= nonEmpty;
        var segments = new List<TextSegment>(nonEmpty);
        var inFence = false;
        foreach (var range in folded.AsSpan().Split('\n'))
        {
            var (start, length) = Trim(folded, range.Start.Value, range.End.Value - range.Start.Value);
            if (length == 0)
            {
                continue;
            }

            var line = folded.AsSpan(start, length);
            if (line.StartsWith("```"))
            {
                inFence = !inFence;
                continue;
            }

            var traits = SegmentTraits.Standalone;
            if (line[0] == '|')
            {
                traits |= SegmentTraits.TableRow;
            }
            else if (isTable)
            {
                traits |= SegmentTraits.ProseInTable;
            }

            if (inFence)
            {
                traits |= SegmentTraits.InCodeFence;
                if (LooksLikeProse(line))
                {
                    traits |= SegmentTraits.ProseInCode;
                }
            }

            AddSentences(folded, start, length, traits, segments);
        }

        if (segments is [var sole] && (sole.Traits & (SegmentTraits.Imperative | SegmentTraits.Question)) != 0)
        {
            segments[0] = sole with { Traits = sole.Traits | SegmentTraits.SoleInstruction };
        }

        return segments;
    }

    private static void AddSentences(string folded, int start, int length, SegmentTraits traits, List<TextSegment> into)
    {
        if (length <= MaxSegmentChars)
        {
            into.Add(new TextSegment(start, length, traits | Reading(folded.AsSpan(start, length))));
            return;
        }

        // A long line: one segment per sentence, so an instruction inside a paragraph is scored on its own.
        traits &= ~SegmentTraits.Standalone;
        var end = start + length;
        var sentenceStart = start;
        for (var i = start; i < end; i++)
        {
            var c = folded[i];
            var boundary = c is '。' or '！' or '？' || (c is '.' or '!' or '?' && i + 1 < end && folded[i + 1] == ' ');
            if (boundary || i - sentenceStart >= MaxSegmentChars || i == end - 1)
            {
                var (s, l) = Trim(folded, sentenceStart, i + 1 - sentenceStart);
                if (l > 0)
                {
                    into.Add(new TextSegment(s, l, traits | Reading(folded.AsSpan(s, l))));
                }

                sentenceStart = i + 1;
            }
        }
    }

    private static SegmentTraits Reading(ReadOnlySpan<char> text)
    {
        var traits = SegmentTraits.None;
        if (text[^1] is '?' or '？')
        {
            traits |= SegmentTraits.Question;
        }

        var first = FirstWord(text);
        if (InstructionLexicon.IsImperative(first))
        {
            traits |= SegmentTraits.Imperative;
        }
        else if (traits.HasFlag(SegmentTraits.Question) && InstructionLexicon.IsQuestionWord(first))
        {
            traits |= SegmentTraits.Question;
        }

        if (AddressesReader(text))
        {
            traits |= SegmentTraits.AddressesReader;
        }

        return traits;
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> text)
    {
        var start = 0;
        while (start < text.Length && !char.IsLetter(text[start]))
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] == '\''))
        {
            end++;
        }

        return text[start..end];
    }

    /// <summary>Whether the segment says "you" (or du, vous, votre, tu, あなた, 你) as a word: one pass over its words.</summary>
    private static bool AddressesReader(ReadOnlySpan<char> text)
    {
        // Each of those words contains one of these, so a segment without any (most) needs no walk over its words.
        // (The two CJK characters apart: a non-ASCII needle would take the multi-string search off its fast path.)
        if (text.IndexOfAny(ReaderWordParts) < 0 && text.IndexOfAny('あ', '你') < 0)
        {
            return false;
        }

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

            if (i - start is >= 2 and <= 5 && text[start..i] is "you" or "your" or "du" or "vous" or "votre" or "tu")
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Four or more words and none of the punctuation that marks code.</summary>
    private static bool LooksLikeProse(ReadOnlySpan<char> line) =>
        line.IndexOfAny("=(){}[];<>#$\\_") < 0 && line.Count(' ') >= 3 && !line.StartsWith(">>>");

    private static (int Start, int Length) Trim(string text, int start, int length)
    {
        while (length > 0 && char.IsWhiteSpace(text[start]))
        {
            start++;
            length--;
        }

        while (length > 0 && char.IsWhiteSpace(text[start + length - 1]))
        {
            length--;
        }

        return (start, length);
    }
}
