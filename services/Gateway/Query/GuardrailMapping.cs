using SecureRag.Contracts.Guardrail;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

public static class GuardrailMapping
{
    public static string Name(this Contracts.Guardrail.Action action) => action switch
    {
        Contracts.Guardrail.Action.Flag => "flag",
        Contracts.Guardrail.Action.Redact => "redact",
        Contracts.Guardrail.Action.Block => "block",
        _ => "allow",
    };

    public static GuardrailDecisionDto ToDto(this Decision decision, string rail, IReadOnlyList<string>? dropped = null) => new(
        rail,
        decision.Action.Name(),
        [.. decision.Findings.Select(f => f.RuleId).Distinct(StringComparer.Ordinal)],
        decision.DecisionId.Length == 0 ? null : decision.DecisionId,
        dropped);

    public static IEnumerable<string> BlockingRules(this Decision decision) =>
        decision.Findings.Where(f => f.Action == Contracts.Guardrail.Action.Block).Select(f => f.RuleId);
}
