using SecureRag.Contracts.Guardrail;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>The output rail's decisions over the segments of a streamed answer, summed up as one decision.</summary>
public sealed class OutputDecisions
{
    private readonly List<Decision> _decisions = [];

    public void Add(Decision? decision)
    {
        if (decision is not null)
        {
            _decisions.Add(decision);
        }
    }

    public IEnumerable<GuardrailDecisionDto> Summary()
    {
        if (_decisions.Count == 0)
        {
            yield break;
        }

        var action = _decisions.Max(d => d.Action);
        var ids = _decisions.Where(d => d.DecisionId.Length > 0).Select(d => d.DecisionId).ToList();
        yield return new GuardrailDecisionDto(
            "output",
            action.Name(),
            [.. _decisions.SelectMany(d => d.Findings).Select(f => f.RuleId).Distinct(StringComparer.Ordinal)],
            ids.Count == 0 ? null : string.Join(',', ids));
    }
}
