namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>Detections of one text, at most one per rule (the highest score wins).</summary>
public sealed class DetectionSet
{
    private readonly List<Detection> _items = [];

    public IReadOnlyList<Detection> Items => _items;

    public void Add(Detection detection)
    {
        for (var i = 0; i < _items.Count; i++)
        {
            if (_items[i].RuleId == detection.RuleId && _items[i].Length == 0 && detection.Length == 0)
            {
                if (detection.Score > _items[i].Score)
                {
                    _items[i] = detection;
                }

                return;
            }
        }

        _items.Add(detection);
    }

    /// <summary>Whether a detection for the rule with at least this score is already present.</summary>
    public bool Has(string ruleId, double score)
    {
        foreach (var item in _items)
        {
            if (item.RuleId == ruleId && item.Score >= score && item.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    public void Clear() => _items.Clear();
}
