namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>A rail's rules split by the view they read, each half with its trigger index.</summary>
internal sealed class RuleSet
{
    public RuleSet(IReadOnlyList<PatternRule> rules)
    {
        Folded = Indexed(rules.Where(r => r.View == PatternView.Folded).ToList(), PatternView.Folded);
        Squashed = Indexed(rules.Where(r => r.View == PatternView.Squashed).ToList(), PatternView.Squashed);
    }

    public (IReadOnlyList<PatternRule> Rules, TriggerIndex Index) Folded { get; }

    public (IReadOnlyList<PatternRule> Rules, TriggerIndex Index) Squashed { get; }

    private static (IReadOnlyList<PatternRule>, TriggerIndex) Indexed(List<PatternRule> rules, PatternView view) =>
        (rules, new TriggerIndex(rules, view));
}
