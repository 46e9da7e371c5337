using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Scope;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>
/// The input rail: length, injection rules and the classifier over the normalised prompt (and each payload decoded
/// from it), topic scope, personal data and secrets; earlier user turns are scanned for injection only.
/// </summary>
public sealed class InputRail(InjectionDetector detector, SensitiveDataScanner sensitive, InjectionClassifier? classifier)
{
    public InputScan Scan(string prompt, IReadOnlyList<string> history, RailPolicy policy)
    {
        var findings = new List<Finding>();
        var detections = new DetectionSet();
        if (prompt.Length > policy.MaxChars)
        {
            detections.Add(new Detection(RuleIds.InputLength, 1, $"The prompt is {prompt.Length} characters; the app allows {policy.MaxChars}"));
        }

        var text = TextNormalizer.Normalize(prompt);
        DetectInjection(text, detections);
        if (policy.Topics.Count > 0)
        {
            var distance = TopicScope.Distance(text.Folded, policy.Topics);
            detections.Add(new Detection(RuleIds.TopicScope, Math.Round(distance, 4), "The prompt shares no words with the app's topics"));
        }

        PolicyApplier.Apply(detections.Items, policy, turn: 0, findings);
        var toRedact = new List<SensitiveSpan>();
        PolicyApplier.Apply(sensitive.Scan(prompt, SensitiveKindMap.Enabled(policy)), policy, findings, toRedact);

        for (var i = 0; i < history.Count; i++)
        {
            var turnDetections = new DetectionSet();
            DetectInjection(TextNormalizer.Normalize(history[i]), turnDetections);
            PolicyApplier.Apply(turnDetections.Items, policy, turn: history.Count - i, findings);
        }

        var redacted = toRedact.Count > 0 ? Redactor.Redact(prompt, toRedact) : null;
        return new InputScan(RailDecision.From(findings), redacted);
    }

    private void DetectInjection(NormalizedText text, DetectionSet detections)
    {
        detector.Detect(text, Rails.Input, detections);
        if (classifier is null)
        {
            return;
        }

        var score = classifier.ScoreText(text.Folded);
        foreach (var segment in text.Decoded)
        {
            score = Math.Max(score, classifier.ScoreText(segment.Text.Folded));
        }

        detections.Add(new Detection(RuleIds.Classifier, score, $"Injection classifier score {score:0.00}"));
    }
}
