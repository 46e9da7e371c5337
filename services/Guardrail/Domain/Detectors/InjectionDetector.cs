using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// Runs the pattern rules of a rail over the folded and squashed views of a text and of every payload decoded from
/// it, and turns what the normaliser undid into obfuscation findings. One detection per rule: the highest score.
/// </summary>
public sealed class InjectionDetector
{
    private readonly RuleSet _input = new([.. PatternCatalog.All.Where(r => r.Rails.HasFlag(Rails.Input))]);
    private readonly RuleSet _context = new([.. PatternCatalog.All.Where(r => r.Rails.HasFlag(Rails.Context))]);

    public InjectionDetector()
    {
        foreach (var rule in PatternCatalog.All)
        {
            rule.WarmUp();
        }
    }

    public void Detect(NormalizedText text, Rails rail, DetectionSet into)
    {
        var rules = rail == Rails.Context ? _context : _input;
        Match(text, rules, into, reasonSuffix: null);
        if (rail == Rails.Input)
        {
            ShoutDetector.Detect(text.Original, into);
        }

        foreach (var segment in text.Decoded)
        {
            var suffix = $" (in {segment.Encoding}-decoded text)";
            Match(segment.Text, rules, into, suffix);
            if (segment.Hidden && CountWords(segment.Text.Folded) >= 3)
            {
                into.Add(new Detection(RuleIds.Encoded, 0.7, $"Readable text hidden in {segment.Encoding} encoding"));
            }
        }

        var signals = text.Signals;
        if ((signals & (NormalizationSignals.ZeroWidth | NormalizationSignals.BidiControls | NormalizationSignals.TagCharacters)) != 0)
        {
            into.Add(new Detection(RuleIds.Invisible, 0.8, $"Invisible characters inside words ({Describe(signals)})"));
        }

        if (signals.HasFlag(NormalizationSignals.SpacedLetters))
        {
            into.Add(new Detection(RuleIds.Spacing, 0.7, "A word spelled out with spaces between its letters"));
        }

        if (signals.HasFlag(NormalizationSignals.Homoglyphs))
        {
            into.Add(new Detection(RuleIds.HomoglyphWords, 0.7, "Words mixing Latin letters with look-alike Cyrillic or Greek letters"));
        }
    }

    private static void Match(NormalizedText text, RuleSet rules, DetectionSet into, string? reasonSuffix)
    {
        var count = rules.Folded.Rules.Count + rules.Squashed.Rules.Count;
        var candidates = count <= 256 ? stackalloc bool[count] : new bool[count];
        var folded = candidates[..rules.Folded.Rules.Count];
        var squashed = candidates[rules.Folded.Rules.Count..];
        rules.Folded.Index.Candidates(text.Folded, folded);
        rules.Squashed.Index.Candidates(text.Squashed, squashed);
        Run(text, text.Folded, rules.Folded.Rules, folded, into, reasonSuffix);
        Run(text, text.Squashed, rules.Squashed.Rules, squashed, into, reasonSuffix);
    }

    private static void Run(
        NormalizedText text, string view, IReadOnlyList<PatternRule> rules, ReadOnlySpan<bool> candidates, DetectionSet into, string? reasonSuffix)
    {
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (!candidates[i] || into.Has(rule.RuleId, rule.Score))
            {
                continue;
            }

            if (rule.Matches(view))
            {
                var obfuscation = reasonSuffix ?? Obfuscation(text.Signals);
                into.Add(new Detection(rule.RuleId, rule.Score, rule.Reason + obfuscation));
            }
        }
    }

    private static string Obfuscation(NormalizationSignals signals)
    {
        var described = Describe(signals & ~NormalizationSignals.Encoded);
        return described.Length == 0 ? "" : $" (after undoing {described})";
    }

    private static string Describe(NormalizationSignals signals)
    {
        List<string> parts = [];
        if (signals.HasFlag(NormalizationSignals.ZeroWidth)) { parts.Add("zero-width characters"); }
        if (signals.HasFlag(NormalizationSignals.BidiControls)) { parts.Add("bidirectional controls"); }
        if (signals.HasFlag(NormalizationSignals.TagCharacters)) { parts.Add("Unicode tag characters"); }
        if (signals.HasFlag(NormalizationSignals.Homoglyphs)) { parts.Add("homoglyphs"); }
        if (signals.HasFlag(NormalizationSignals.Leetspeak)) { parts.Add("leetspeak"); }
        if (signals.HasFlag(NormalizationSignals.SpacedLetters)) { parts.Add("spaced letters"); }
        if (signals.HasFlag(NormalizationSignals.CompatibilityForms)) { parts.Add("look-alike letter forms"); }
        return string.Join(", ", parts);
    }

    private static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = char.IsLetter(c);
            if (letter && !inWord)
            {
                words++;
            }

            inWord = letter;
        }

        return words;
    }
}
