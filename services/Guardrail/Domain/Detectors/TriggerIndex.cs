using System.Buffers;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Decides in one pass which rules can match a text at all. Each trigger is reduced to an anchor: its most telling
/// word ("your response" → "response", "to the ai" → "ai"), matched as a word prefix (as a whole word when it has
/// three letters or fewer) by walking a trie along every word of the text; a trigger phrase longer than its anchor is
/// then confirmed in place, or, where the phrase could also sit at a place the walk does not see, by one ordinal
/// search for the anchor per text that checks all the anchor's phrases at each occurrence. Triggers are word starts,
/// so compounds need their own trigger ("systemprompt"). Triggers without letters ("&lt;|", "---") go through a small
/// vectorised search, and so does the squashed view (no word boundaries), where text without CJK characters skips the
/// CJK triggers entirely. A multi-string search over a thousand trigger phrases costs tens of microseconds per
/// kilobyte; this costs a few.
/// </summary>
public sealed class TriggerIndex
{
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "the", "to", "for", "a", "an", "of", "in", "on", "is", "are", "was", "were", "your", "you", "my", "all", "any",
        "this", "that", "with", "and", "or", "not", "be", "it", "its", "new", "end", "user", "users", "only", "just",
    };

    private readonly int _ruleCount;
    private readonly AnchorTrie _anchors;
    private readonly (SearchValues<string> Values, Dictionary<string, int[]> Rules)? _literal;
    private readonly (SearchValues<string> Values, Dictionary<string, int[]> Rules)? _cjk;

    public TriggerIndex(IReadOnlyList<PatternRule> rules, PatternView view)
    {
        _ruleCount = rules.Count;
        var literal = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var cjk = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var anchored = new List<(string, Anchored, bool)>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var trigger in rules[i].Triggers)
            {
                var anchor = view == PatternView.Folded ? Anchor(trigger) : null;
                if (anchor is not null)
                {
                    var phrase = trigger == anchor ? null : trigger;
                    var offset = phrase is null ? 0 : WordOffset(phrase, anchor);
                    var wholeWord = anchor.Length <= 3;
                    var local = phrase is not null && offset > 0 && (!wholeWord || offset + anchor.Length < phrase.Length);
                    anchored.Add((anchor, new Anchored(i, phrase, offset, local), wholeWord));
                }
                else
                {
                    var target = trigger.Any(IsCjk) ? cjk : literal;
                    (target.TryGetValue(trigger, out var list) ? list : target[trigger] = []).Add(i);
                }
            }
        }

        _anchors = new AnchorTrie(anchored);
        _literal = Search(literal);
        _cjk = Search(cjk);
    }

    /// <summary>Marks in <paramref name="candidates"/> (one flag per rule) the rules with a trigger in the text.</summary>
    public void Candidates(ReadOnlySpan<char> text, Span<bool> candidates)
    {
        candidates[.._ruleCount].Clear();
        var searched = _anchors.SearchedAnchors <= 1024 ? stackalloc bool[_anchors.SearchedAnchors] : new bool[_anchors.SearchedAnchors];
        WalkWords(text, candidates, searched);
        if (_literal is { } literal)
        {
            Mark(text, literal.Values, literal.Rules, candidates);
        }

        if (_cjk is { } cjk && text.IndexOfAnyInRange('\u3040', '\uD7AF') >= 0)
        {
            Mark(text, cjk.Values, cjk.Rules, candidates);
        }
    }

    private void WalkWords(ReadOnlySpan<char> text, Span<bool> candidates, Span<bool> searched)
    {
        if (_anchors.IsEmpty)
        {
            return;
        }

        var words = LetterOrDigitMask.WordsFor(text.Length);
        var rented = words <= 256 ? null : ArrayPool<ulong>.Shared.Rent(words);
        var mask = rented is null ? stackalloc ulong[words] : rented.AsSpan(0, words);
        LetterOrDigitMask.Fill(text, mask);
        try
        {
            for (var start = LetterOrDigitMask.NextSet(mask, 0, text.Length); start < text.Length;)
            {
                var end = LetterOrDigitMask.NextClear(mask, start, text.Length);

                // Walk the trie along this word; every anchor passed is a prefix of the word. Most words leave the
                // trie after a letter or two.
                var node = AnchorTrie.Root;
                for (var i = start; i < end && node != 0; i++)
                {
                    node = _anchors.Child(node, text[i]);
                    if (node != 0 && _anchors.PrefixRules(node) is { } prefixRules)
                    {
                        Mark(text, start, prefixRules, candidates, searched);
                    }
                }

                if (node != 0 && _anchors.WordRules(node) is { } wordRules)
                {
                    Mark(text, start, wordRules, candidates, searched);
                }

                start = LetterOrDigitMask.NextSet(mask, end, text.Length);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<ulong>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Marks the rules anchored here whose whole trigger phrase occurs in the text: read in place around this word when
    /// every occurrence of the phrase puts its anchor at a word start (see <see cref="Anchored.Local"/>), otherwise
    /// looked for once per text at every occurrence of the anchor (an occurrence of the phrase contains one), for all
    /// the anchor's phrases in one search.
    /// </summary>
    private static void Mark(ReadOnlySpan<char> text, int wordStart, AnchorRules anchored, Span<bool> candidates, Span<bool> searched)
    {
        foreach (var (rule, phrase, offset, local) in anchored.Rules)
        {
            if (candidates[rule])
            {
                continue;
            }

            if (phrase is null)
            {
                candidates[rule] = true;
            }
            else if (local)
            {
                candidates[rule] = wordStart >= offset && text[(wordStart - offset)..].StartsWith(phrase, StringComparison.Ordinal);
            }
        }

        if (anchored.SearchId >= 0 && !searched[anchored.SearchId])
        {
            searched[anchored.SearchId] = true;
            SearchPhrases(text, anchored, candidates);
        }
    }

    private static void SearchPhrases(ReadOnlySpan<char> text, AnchorRules anchored, Span<bool> candidates)
    {
        var anchor = anchored.Anchor;
        for (var at = text.IndexOf(anchor, StringComparison.Ordinal); at >= 0;)
        {
            foreach (var (rule, phrase, offset, local) in anchored.Rules)
            {
                if (!local && phrase is not null && !candidates[rule] && at >= offset
                    && text[(at - offset)..].StartsWith(phrase, StringComparison.Ordinal))
                {
                    candidates[rule] = true;
                }
            }

            var next = text[(at + 1)..].IndexOf(anchor, StringComparison.Ordinal);
            at = next < 0 ? -1 : at + 1 + next;
        }
    }

    private static void Mark(ReadOnlySpan<char> text, SearchValues<string> values, Dictionary<string, int[]> rules, Span<bool> candidates)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            var found = text[offset..].IndexOfAny(values);
            if (found < 0)
            {
                return;
            }

            var at = offset + found;
            foreach (var (trigger, ruleIds) in rules)
            {
                if (text[at..].StartsWith(trigger, StringComparison.Ordinal))
                {
                    foreach (var rule in ruleIds)
                    {
                        candidates[rule] = true;
                    }
                }
            }

            offset = at + 1;
        }
    }

    /// <summary>The trigger's least common, longest word; null when it has no letters or is CJK.</summary>
    private static string? Anchor(string trigger)
    {
        if (trigger.Any(IsCjk))
        {
            return null;
        }

        var words = Words(trigger);
        return words.Count == 0
            ? null
            : words.OrderBy(w => CommonWords.Contains(w) ? 1 : 0).ThenByDescending(w => w.Length).First();
    }

    /// <summary>Where <paramref name="word"/> starts as a whole word of <paramref name="phrase"/>.</summary>
    private static int WordOffset(string phrase, string word)
    {
        for (var at = phrase.IndexOf(word, StringComparison.Ordinal); at >= 0; at = phrase.IndexOf(word, at + 1, StringComparison.Ordinal))
        {
            var starts = at == 0 || !char.IsLetterOrDigit(phrase[at - 1]);
            var ends = at + word.Length == phrase.Length || !char.IsLetterOrDigit(phrase[at + word.Length]);
            if (starts && ends)
            {
                return at;
            }
        }

        throw new InvalidOperationException($"The anchor '{word}' is not a word of the trigger '{phrase}'.");
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }

        return words;
    }

    private static (SearchValues<string>, Dictionary<string, int[]>)? Search(Dictionary<string, List<int>> triggers) =>
        triggers.Count == 0
            ? null
            : (SearchValues.Create([.. triggers.Keys], StringComparison.Ordinal), triggers.ToDictionary(p => p.Key, p => p.Value.ToArray()));

    private static bool IsCjk(char c) => c is >= '\u3040' and <= '\u9FFF' or >= '\uAC00' and <= '\uD7AF' or >= '\uF900' and <= '\uFAFF';
}
