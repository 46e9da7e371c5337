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

    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?。！？");

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
        var readerMentions = new ReaderMentions(folded);
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

            AddSentences(folded, start, length, traits, readerMentions, segments);
        }

        if (segments is [var sole] && (sole.Traits & (SegmentTraits.Imperative | SegmentTraits.Question)) != 0)
        {
            segments[0] = sole with { Traits = sole.Traits | SegmentTraits.SoleInstruction };
        }

        return segments;
    }

    private static void AddSentences(
        string folded, int start, int length, SegmentTraits traits, ReaderMentions readerMentions, List<TextSegment> into)
    {
        if (length <= MaxSegmentChars)
        {
            into.Add(new TextSegment(start, length, traits | Reading(folded, start, length, readerMentions)));
            return;
        }

        // A long line: one segment per sentence, so an instruction inside a paragraph is scored on its own. A sentence
        // ends at CJK end punctuation, at . ! or ? before a space, after MaxSegmentChars + 1 characters, or with the line.
        traits &= ~SegmentTraits.Standalone;
        var end = start + length;
        for (var sentenceStart = start; sentenceStart < end;)
        {
            var last = Math.Min(end - 1, sentenceStart + MaxSegmentChars);
            var i = SentenceEnd(folded, sentenceStart, last, end);
            var (s, l) = Trim(folded, sentenceStart, i + 1 - sentenceStart);
            if (l > 0)
            {
                into.Add(new TextSegment(s, l, traits | Reading(folded, s, l, readerMentions)));
            }

            sentenceStart = i + 1;
        }
    }

    /// <summary>The first sentence boundary from <paramref name="from"/> up to <paramref name="last"/> (else <paramref name="last"/>).</summary>
    private static int SentenceEnd(string folded, int from, int last, int end)
    {
        while (from < last)
        {
            var found = folded.AsSpan(from, last - from).IndexOfAny(SentenceEnds);
            if (found < 0)
            {
                break;
            }

            var i = from + found;
            if (folded[i] is '。' or '！' or '？' || (i + 1 < end && folded[i + 1] == ' '))
            {
                return i;
            }

            from = i + 1;
        }

        return last;
    }

    private static SegmentTraits Reading(string folded, int start, int length, ReaderMentions readerMentions)
    {
        var text = folded.AsSpan(start, length);
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

        if (readerMentions.In(start, length))
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
