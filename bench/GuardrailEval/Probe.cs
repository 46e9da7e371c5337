using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>Shows how one text is seen: its normalised views, the patterns that match and the classifier's scores.</summary>
public static class Probe
{
    public static int Run(string rail, string text)
    {
        var normalized = TextNormalizer.Normalize(text);
        Console.WriteLine($"folded:   {normalized.Folded}");
        Console.WriteLine($"squashed: {normalized.Squashed}");
        Console.WriteLine($"signals:  {normalized.Signals}");
        foreach (var segment in normalized.Decoded)
        {
            Console.WriteLine($"decoded ({segment.Encoding}): {segment.Text.Folded}");
        }

        _ = new InjectionDetector();
        var rails = rail == "context" ? Rails.Context : Rails.Input;
        foreach (var rule in PatternCatalog.All.Where(r => r.Rails.HasFlag(rails)))
        {
            var view = rule.View == PatternView.Folded ? normalized.Folded : normalized.Squashed;
            if (rule.Matches(view))
            {
                Console.WriteLine($"match {rule.RuleId} {rule.Score}: {rule.Pattern[..Math.Min(rule.Pattern.Length, 160)]}");
            }
        }

        if (rail == "context" && ModelCatalog.ForContext is { } context)
        {
            foreach (var segment in ChunkSegmenter.Segment(normalized.Folded))
            {
                var score = context.ScoreSegment(normalized.Folded, segment);
                Console.WriteLine($"segment {score:0.000} [{segment.Traits}] {normalized.Folded.Substring(segment.Start, Math.Min(segment.Length, 100))}");
            }
        }
        else if (ModelCatalog.ForInput is { } input)
        {
            Console.WriteLine($"classifier {input.ScoreText(normalized.Folded):0.000}");
        }

        return 0;
    }
}
