using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;
using SecureRag.Guardrail.Domain.Output;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>
/// The output rail: personal data and secrets (redacted by default), system-prompt leakage (canary token, verbatim
/// overlap) and grounding against the cited passages.
/// </summary>
public sealed class OutputRail(SensitiveDataScanner sensitive)
{
    public OutputScan Scan(string answer, string? canary, string? systemPrompt, IReadOnlyList<CitedPassage> passages, RailPolicy policy)
    {
        var text = TextNormalizer.Normalize(answer);
        var detections = new DetectionSet();
        LeakDetector.Detect(text, canary, systemPrompt, detections);

        var sentences = GroundingChecker.Check(answer, passages, policy[RuleIds.Ungrounded].Threshold);
        var unsupported = sentences.Where(s => !s.Supported).ToList();
        if (unsupported.Count > 0)
        {
            var worst = unsupported.Min(s => s.Score);
            detections.Add(new Detection(RuleIds.Ungrounded, Math.Round(1 - worst, 4),
                $"{unsupported.Count} of {sentences.Count} sentences are not supported by the cited passages"));
        }

        var findings = new List<Finding>();
        PolicyApplier.Apply(detections.Items, policy, turn: 0, findings);
        var toRedact = new List<SensitiveSpan>();
        PolicyApplier.Apply(sensitive.Scan(answer, SensitiveKindMap.Enabled(policy)), policy, findings, toRedact);

        var redacted = toRedact.Count > 0 ? Redactor.Redact(answer, toRedact) : null;
        return new OutputScan(RailDecision.From(findings), redacted, sentences);
    }
}
