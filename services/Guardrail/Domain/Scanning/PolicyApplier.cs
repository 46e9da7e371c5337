using SecureRag.Guardrail.Domain.Detectors;
using SecureRag.Guardrail.Domain.Policies;
using SecureRag.Guardrail.Domain.Sensitive;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>Turns detections into findings under a rail's policy: a rule fires at or above its threshold, unless set to allow.</summary>
internal static class PolicyApplier
{
    public static void Apply(IEnumerable<Detection> detections, RailPolicy policy, int turn, List<Finding> into)
    {
        foreach (var detection in detections)
        {
            if (policy.Rules.TryGetValue(detection.RuleId, out var setting) && Fires(setting, detection.Score))
            {
                into.Add(new Finding(detection.RuleId, setting.Action, Math.Round(detection.Score, 4), detection.Reason,
                    detection.Start, detection.Length, turn));
            }
        }
    }

    public static void Apply(IEnumerable<SensitiveSpan> spans, RailPolicy policy, List<Finding> into, List<SensitiveSpan> toRedact)
    {
        foreach (var span in spans)
        {
            if (policy.Rules.TryGetValue(span.RuleId, out var setting) && Fires(setting, span.Score))
            {
                into.Add(new Finding(span.RuleId, setting.Action, span.Score, span.Reason, span.Start, span.Length));
                if (setting.Action == GuardAction.Redact)
                {
                    toRedact.Add(span);
                }
            }
        }
    }

    private static bool Fires(RuleSetting setting, double score) => setting.Action != GuardAction.Allow && score >= setting.Threshold;
}
