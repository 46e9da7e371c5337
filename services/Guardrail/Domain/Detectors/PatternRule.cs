using System.Text.RegularExpressions;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// A regular expression over one view of the normalised text, guarded by trigger substrings of which at least one
/// must occur for the pattern to match: one vectorised search for all triggers (<see cref="TriggerIndex"/>) rejects
/// almost every rule for a benign text before any regex runs.
/// </summary>
public sealed class PatternRule
{
    private readonly Regex _regex;
    private readonly bool _negationGuard;

    public PatternRule(string ruleId, double score, string reason, Rails rails, PatternView view, string[] triggers, string pattern)
    {
        RuleId = ruleId;
        Score = score;
        Reason = reason;
        Rails = rails;
        View = view;
        Triggers = triggers;

        // A leading negation lookbehind would stop the engine from jumping to the pattern's first literal; the same
        // check is made in code on each match instead.
        _negationGuard = pattern.StartsWith(PatternParts.NotNegated, StringComparison.Ordinal);
        pattern = _negationGuard ? pattern[PatternParts.NotNegated.Length..] : pattern;
        // No match timeout: a wall-clock timeout fires spuriously on a loaded machine (and while the matcher is
        // JIT-compiled), and would then have to fail either open or closed. Instead every pattern starts with a literal
        // or an anchor and repeats only within bounds or up to the next space, so the work per position is small and
        // matching stays linear in the text (a test scans hostile prompts at the size limit).
        _regex = new Regex(pattern, RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    public string RuleId { get; }

    /// <summary>The regular expression, for diagnostics.</summary>
    public string Pattern => _regex.ToString();

    public double Score { get; }

    public string Reason { get; }

    public Rails Rails { get; }

    public PatternView View { get; }

    /// <summary>Substrings of which at least one occurs in every text the pattern matches.</summary>
    public IReadOnlyList<string> Triggers { get; }

    /// <summary>Runs the matcher once so its first real use does not pay for JIT compilation.</summary>
    public void WarmUp() => _regex.IsMatch("warm up");

    /// <summary>Whether the pattern matches; callers have already checked a trigger occurs (see <see cref="TriggerIndex"/>).</summary>
    public bool Matches(string text)
    {
        if (!_negationGuard)
        {
            return _regex.IsMatch(text);
        }

        for (var match = _regex.Match(text); match.Success; match = match.NextMatch())
        {
            if (!PatternParts.IsNegated(text, match.Index))
            {
                return true;
            }
        }

        return false;
    }
}
