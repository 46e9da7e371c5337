using SecureRag.Guardrail.Domain.Classifier;
using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Normalization;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>
/// The context rail: each chunk gets the injection rules (including those for text addressed to the assistant) over
/// its normalised text, the context classifier over each of its lines and sentences, and the personal-data and
/// secret rules. A blocked chunk is dropped or quarantined per policy; every other chunk passes as untrusted data.
/// </summary>
public sealed class ContextRail(InjectionDetector detector, SensitiveDataScanner sensitive, InjectionClassifier? classifier)
{
    public ContextScan Scan(IReadOnlyList<ContextChunk> chunks, RailPolicy policy)
    {
        var verdicts = new List<ChunkVerdict>(chunks.Count);
        var all = new List<Finding>();
        var kinds = SensitiveKindMap.Enabled(policy);
        foreach (var chunk in chunks)
        {
            var verdict = ScanChunk(chunk, policy, kinds);
            verdicts.Add(verdict);
            all.AddRange(verdict.Decision.Findings);
        }

        return new ContextScan(RailDecision.From(all), verdicts);
    }

    private ChunkVerdict ScanChunk(ContextChunk chunk, RailPolicy policy, SensitiveKinds kinds)
    {
        var text = TextNormalizer.Normalize(chunk.Text);
        var detections = new DetectionSet();
        detector.Detect(text, Rails.Context, detections);
        var score = 0.0;
        if (classifier is not null)
        {
            score = classifier.ScoreChunk(text).Score;
            foreach (var segment in text.Decoded)
            {
                score = Math.Max(score, classifier.ScoreChunk(segment.Text).Score);
            }

            detections.Add(new Detection(RuleIds.Classifier, score, $"Injection classifier score {score:0.00} on the chunk's most suspicious line"));
        }

        var findings = new List<Finding>();
        PolicyApplier.Apply(detections.Items, policy, turn: 0, findings);
        var toRedact = new List<SensitiveSpan>();
        PolicyApplier.Apply(sensitive.Scan(chunk.Text, kinds), policy, findings, toRedact);

        var decision = RailDecision.From(findings);
        var disposition = decision.Action == GuardAction.Block ? policy.OnBlock : ChunkDisposition.Pass;
        var redacted = toRedact.Count > 0 ? Redactor.Redact(chunk.Text, toRedact) : null;
        return new ChunkVerdict(chunk.Id, decision, disposition, redacted, Math.Round(score, 4));
    }
}
