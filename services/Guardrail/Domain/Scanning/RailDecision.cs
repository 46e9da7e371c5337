using SecureRag.Guardrail.Domain.Policies;

namespace SecureRag.Guardrail.Domain.Scanning;

/// <summary>The outcome of a scan: the most severe action of its findings (allow when there are none).</summary>
public sealed record RailDecision(GuardAction Action, IReadOnlyList<Finding> Findings)
{
    public static RailDecision From(IReadOnlyList<Finding> findings) =>
        new(findings.Count == 0 ? GuardAction.Allow : findings.Max(f => f.Action), findings);
}
