namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>The effective policy, or every problem found (never both).</summary>
public sealed record PolicyParseResult(GuardrailPolicy? Policy, IReadOnlyList<PolicyProblem> Problems)
{
    public bool IsValid => Policy is not null;
}
