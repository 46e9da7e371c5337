namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>A rule fires when its detector's score is at or above <paramref name="Threshold"/>; then <paramref name="Action"/> applies.</summary>
public sealed record RuleSetting(GuardAction Action, double Threshold);
