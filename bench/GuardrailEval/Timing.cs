using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>Where the time goes for one text: each stage and the slowest patterns, in CPU microseconds per call (median).</summary>
public static class Timing
{
    public static int Run(string path)
    {
        var text = File.ReadAllText(path);
        var detector = new InjectionDetector();
        var normalized = TextNormalizer.Normalize(text);
        Console.WriteLine($"chars {text.Length}");
        Measure("normalize", () => TextNormalizer.Normalize(text));
        Measure("detect input", () => detector.Detect(normalized, Rails.Input, new DetectionSet()));
        Measure("detect context", () => detector.Detect(normalized, Rails.Context, new DetectionSet()));
        Measure("classify input", () => ModelCatalog.ForInput!.ScoreText(normalized.Folded));
        Measure("classify context", () => ModelCatalog.ForContext!.ScoreChunk(normalized));
        var foldedRules = PatternCatalog.All.Where(r => r.View == PatternView.Folded).ToList();
        var index = new TriggerIndex(foldedRules, PatternView.Folded);
        var flags = new bool[foldedRules.Count];
        Measure($"triggers ({foldedRules.Sum(r => r.Triggers.Count)} strings)", () => index.Candidates(normalized.Folded, flags));
        Measure("shout", () => ShoutDetectorProbe.Run(text));
        var scanner = new SensitiveDataScanner();
        Measure("secrets", () => scanner.Scan(text, SensitiveKinds.Secrets));
        Measure("personal", () => scanner.Scan(text, SensitiveKinds.Personal));
        // The rules whose triggers occur in the text: the ones that actually run.
        var triggered = PatternCatalog.All
            .Where(r => r.Triggers.Any(t => (r.View == PatternView.Folded ? normalized.Folded : normalized.Squashed).Contains(t, StringComparison.Ordinal)))
            .Select(r => (Rule: r, Micros: Micros(() => r.Matches(r.View == PatternView.Folded ? normalized.Folded : normalized.Squashed), 50)))
            .OrderByDescending(x => x.Micros);
        foreach (var (rule, micros) in triggered)
        {
            var view = rule.View == PatternView.Folded ? normalized.Folded : normalized.Squashed;
            var hits = string.Join(",", rule.Triggers.Where(t => view.Contains(t, StringComparison.Ordinal)));
            Console.WriteLine($"{micros,10:0.0} us  {rule.RuleId} [{hits}] {rule.Pattern[..Math.Min(80, rule.Pattern.Length)]}");
        }

        return 0;
    }

    private static void Measure(string name, Action action) => Console.WriteLine($"{Micros(action, 300),10:0.0} us  {name}");

    private static double Micros(Action action, int runs)
    {
        action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var started = ThreadClock.NowNanoseconds();
            action();
            samples[i] = (ThreadClock.NowNanoseconds() - started) / 1000.0;
        }

        Array.Sort(samples);
        return samples[runs / 2];
    }
}
