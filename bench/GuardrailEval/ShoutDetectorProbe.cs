using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;

namespace SecureRag.Bench.GuardrailEval;

/// <summary>Runs the input-only detectors on their own (the shout detector is internal; the input rail's detect minus the context's shows it).</summary>
public static class ShoutDetectorProbe
{
    private static readonly InjectionDetector Detector = new();

    public static void Run(string text) =>
        Detector.Detect(new NormalizedText { Original = text, Folded = "", Squashed = "" }, Rails.Input, new DetectionSet());
}
