using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>A rule that fired under the policy: what it does, why, and where (span-based rules).</summary>
/// <param name="Turn">Input rail: 0 for the prompt, n for the n-th history turn counted from the most recent.</param>
public sealed record Finding(string RuleId, GuardAction Action, double Score, string Reason, int Start = 0, int Length = 0, int Turn = 0);
