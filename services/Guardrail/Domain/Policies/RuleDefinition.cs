namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>A rule a rail knows, with its default setting.</summary>
/// <param name="CanRedact">Whether the rule finds a span that can be redacted (personal data, secrets).</param>
public sealed record RuleDefinition(string Id, GuardAction DefaultAction, double DefaultThreshold, bool CanRedact, string Description)
{
    public RuleSetting Default => new(DefaultAction, DefaultThreshold);
}
