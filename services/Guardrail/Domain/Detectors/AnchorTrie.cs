namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// The anchors of a <see cref="TriggerIndex"/> as a trie in flat arrays: one hashed table of transitions
/// (node, character) → node, a few kilobytes that stay in the first-level cache, where a tree of per-node child arrays
/// spreads over megabytes and costs a cache miss at nearly every step of a walk. Node 0 is "none".
/// </summary>
internal sealed class AnchorTrie
{
    public const int Root = 1;

    private readonly ulong[] _transitions;
    private readonly int _shift;
    private readonly AnchorRules?[] _prefixRules;
    private readonly AnchorRules?[] _wordRules;

    public AnchorTrie(IEnumerable<(string Anchor, Anchored Rule, bool WholeWord)> anchors)
    {
        var children = new Dictionary<uint, int>();
        List<AnchorRules?> prefixRules = [null, null], wordRules = [null, null];
        var searched = 0;
        foreach (var (anchor, rule, wholeWord) in anchors)
        {
            var node = Root;
            foreach (var c in anchor)
            {
                if (!children.TryGetValue(Key(node, c), out var child))
                {
                    child = prefixRules.Count;
                    if (child > ushort.MaxValue)
                    {
                        throw new InvalidOperationException("More trigger anchors than the trie's 16-bit node numbers hold.");
                    }

                    children[Key(node, c)] = child;
                    prefixRules.Add(null);
                    wordRules.Add(null);
                }

                node = child;
            }

            var rules = wholeWord ? wordRules : prefixRules;
            rules[node] = With(anchor, rules[node], rule, ref searched);
        }

        SearchedAnchors = searched;
        IsEmpty = children.Count == 0;
        _prefixRules = [.. prefixRules];
        _wordRules = [.. wordRules];

        // Open addressing at most half full; a slot holds the key in its high half and the child in its low half (0:
        // empty, since no key is 0).
        var bits = Math.Max(4, 32 - int.LeadingZeroCount(children.Count * 2));
        _shift = 32 - bits;
        _transitions = new ulong[1 << bits];
        foreach (var (key, child) in children)
        {
            var slot = Slot(key);
            while (_transitions[slot] != 0)
            {
                slot = (slot + 1) & (_transitions.Length - 1);
            }

            _transitions[slot] = ((ulong)key << 32) | (uint)child;
        }
    }

    public bool IsEmpty { get; }

    /// <summary>How many anchors have phrases searched for in the whole text (their <see cref="AnchorRules.SearchId"/>s).</summary>
    public int SearchedAnchors { get; }

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or 0.</summary>
    public int Child(int node, char c)
    {
        var key = Key(node, c);
        for (var slot = Slot(key); ; slot = (slot + 1) & (_transitions.Length - 1))
        {
            var entry = _transitions[slot];
            if (entry == 0 || (uint)(entry >> 32) == key)
            {
                return (int)(uint)entry;
            }
        }
    }

    /// <summary>Rules whose anchor ends at the node, matched by any word that starts with it.</summary>
    public AnchorRules? PrefixRules(int node) => _prefixRules[node];

    /// <summary>Rules whose anchor ends at the node, matched only by the whole word.</summary>
    public AnchorRules? WordRules(int node) => _wordRules[node];

    private static uint Key(int node, char c) => ((uint)node << 16) | c;

    private int Slot(uint key) => (int)((key * 0x9E3779B9u) >> _shift);

    private static AnchorRules With(string anchor, AnchorRules? rules, Anchored rule, ref int searchedAnchors)
    {
        if (rules is not null && rules.Rules.Contains(rule))
        {
            return rules;
        }

        var searchId = rules?.SearchId ?? -1;
        if (searchId < 0 && rule is { Phrase: not null, Local: false })
        {
            searchId = searchedAnchors++;
        }

        return new AnchorRules(anchor, rules is null ? [rule] : [.. rules.Rules, rule], searchId);
    }
}

/// <summary>
/// A rule reached through an anchor, and the whole trigger phrase to confirm (null: the anchor is the trigger), which
/// has the anchor at <paramref name="Offset"/>. <paramref name="Local"/>: the anchor is not the phrase's first word
/// and, when matched as a whole word, not its last, so wherever the phrase occurs the walk reaches its anchor and
/// checking the phrase in place there is the same as searching the whole text.
/// </summary>
internal readonly record struct Anchored(int Rule, string? Phrase, int Offset, bool Local);

/// <summary>
/// The rules reached through one anchor; <paramref name="SearchId"/> numbers the anchors with phrases that must be
/// searched for in the whole text (-1: none), so each such anchor is searched for once per text.
/// </summary>
internal sealed record AnchorRules(string Anchor, Anchored[] Rules, int SearchId);
