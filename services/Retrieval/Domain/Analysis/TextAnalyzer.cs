namespace SecureRag.Retrieval.Domain.Analysis;

/// <summary>
/// Turns text into index terms, the same way for chunks and for queries, so the two always meet.
/// <list type="bullet">
/// <item>Alphabetic text: maximal runs of letters and digits, lower-cased, Lucene's English stop words removed,
/// Porter-stemmed (what BM25's reference figures use).</item>
/// <item>Chinese and Japanese (and Korean) text has no spaces: each run of CJK characters gives its overlapping
/// character bigrams (a lone character gives itself), the standard CJK analysis of Lucene's <c>CJKAnalyzer</c>.</item>
/// </list>
/// The choice is made per run of script inside the chunk, which for a single-language chunk is the choice per chunk,
/// and keeps a mixed chunk (Japanese prose quoting an English product name) searchable in both languages.
/// </summary>
public static class TextAnalyzer
{
    /// <summary>Longer runs are not words (hashes, base64) and are not indexed.</summary>
    public const int MaxTermLength = 40;

    /// <summary>Separates the two words of a pair term; never part of a word term.</summary>
    public const char PairSeparator = ' ';

    /// <summary>
    /// The text's terms and, when <paramref name="pairs"/>, the pairs of adjacent alphabetic terms (after stop words),
    /// as terms "<c>a b</c>": BM25 over them rewards chunks where the question's words stand together (a bigram
    /// feature in the spirit of the sequential dependence model). Pairs do not count in the length.
    /// </summary>
    public static AnalyzedText Analyze(string text, bool pairs)
    {
        var analysed = Analyze(text, out var sequence);
        if (!pairs)
        {
            return analysed;
        }

        var terms = new Dictionary<string, int>(analysed.TermFrequencies, StringComparer.Ordinal);
        for (var i = 1; i < sequence.Count; i++)
        {
            if (sequence[i - 1] is { } first && sequence[i] is { } second)
            {
                Add(terms, string.Concat(first, PairSeparator.ToString(), second));
            }
        }

        return analysed with { TermFrequencies = terms };
    }

    public static AnalyzedText Analyze(string text) => Analyze(text, out _);

    /// <param name="sequence">The alphabetic terms in order, null where a CJK term or a stop word broke the run.</param>
    private static AnalyzedText Analyze(string text, out List<string?> sequence)
    {
        sequence = [];
        var terms = new Dictionary<string, int>(StringComparer.Ordinal);
        var length = 0;
        var cjk = 0;
        var latin = 0;
        Span<char> word = stackalloc char[MaxTermLength];
        var wordLength = 0;
        var overlong = false;
        var previousCjk = '\0';
        var cjkRun = 0;

        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isCjk = CjkCharacters.IsCjk(c);
            if (!isCjk && char.IsLetterOrDigit(c))
            {
                if (wordLength < MaxTermLength)
                {
                    word[wordLength++] = char.ToLowerInvariant(c);
                }
                else
                {
                    overlong = true;
                }

                FlushCjkRun(ref cjkRun, previousCjk, terms, ref length);
                previousCjk = '\0';
                continue;
            }

            if (wordLength > 0)
            {
                latin++;
                var added = overlong ? null : AddWord(word[..wordLength], terms);
                sequence.Add(added);
                if (added is not null)
                {
                    length++;
                }

                wordLength = 0;
                overlong = false;
            }

            if (isCjk)
            {
                sequence.Add(null);
                cjk++;
                if (previousCjk != '\0')
                {
                    Add(terms, string.Create(2, (previousCjk, c), static (s, p) => (s[0], s[1]) = p));
                    length++;
                }

                previousCjk = c;
                cjkRun++;
            }
            else
            {
                FlushCjkRun(ref cjkRun, previousCjk, terms, ref length);
                previousCjk = '\0';
            }
        }

        // A CJK character stands for about one word's worth of text in this comparison.
        var script = cjk > latin ? TextScript.Cjk : TextScript.Latin;
        return new AnalyzedText(terms, length, script);
    }

    private static string? AddWord(ReadOnlySpan<char> word, Dictionary<string, int> terms)
    {
        if (EnglishStopWords.Contains(word))
        {
            return null;
        }

        var stem = PorterStemmer.Stem(word.ToString());
        Add(terms, stem);
        return stem;
    }

    /// <summary>A run of a single CJK character is indexed as that character (no bigram was made from it).</summary>
    private static void FlushCjkRun(ref int run, char last, Dictionary<string, int> terms, ref int length)
    {
        if (run == 1)
        {
            Add(terms, last.ToString());
            length++;
        }

        run = 0;
    }

    private static void Add(Dictionary<string, int> terms, string term) =>
        terms[term] = terms.GetValueOrDefault(term) + 1;
}
