namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>
/// One detector's result before the policy is applied: the rule, a confidence in [0, 1] and a reason. Span-based
/// detectors (personal data, secrets) also give the span in the original text.
/// </summary>
public sealed record Detection(string RuleId, double Score, string Reason, int Start = 0, int Length = 0);
