using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Tools.GuardrailTrainer;

/// <summary>
/// Groups texts that share a sentence or a run of five words (union-find), so cross-validation never scores a text
/// with a model that saw its twin: deepset builds many attacks by prefixing an ordinary question to a known attack.
/// </summary>
public sealed class TextGroups
{
    private readonly Dictionary<string, string> _parent = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _owner = new(StringComparer.Ordinal);

    public void Add(string text)
    {
        Find(text);
        foreach (var unit in Units(text))
        {
            if (_owner.TryGetValue(unit, out var other))
            {
                Union(text, other);
            }
            else
            {
                _owner[unit] = text;
            }
        }
    }

    public string GroupOf(string text) => "group:" + Find(text);

    private static IEnumerable<string> Units(string text)
    {
        var words = TextNormalizer.Normalize(text).Folded
            .Split([' ', '\n', '.', ',', '!', '?', ':', ';', '"'], StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 5 <= words.Length; i++)
        {
            yield return string.Join(' ', words, i, 5);
        }
    }

    private string Find(string key)
    {
        if (!_parent.TryGetValue(key, out var parent))
        {
            _parent[key] = key;
            return key;
        }

        if (parent == key)
        {
            return key;
        }

        var root = Find(parent);
        _parent[key] = root;
        return root;
    }

    private void Union(string a, string b)
    {
        var rootA = Find(a);
        var rootB = Find(b);
        if (rootA != rootB)
        {
            // The smaller key becomes the root, so groups do not depend on the order texts were added.
            if (string.CompareOrdinal(rootA, rootB) < 0)
            {
                _parent[rootB] = rootA;
            }
            else
            {
                _parent[rootA] = rootB;
            }
        }
    }
}
