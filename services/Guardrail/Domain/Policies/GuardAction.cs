namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>What a rule does when it fires, in increasing severity: a decision takes its most severe finding's action.</summary>
public enum GuardAction
{
    Allow = 1,
    Flag = 2,
    Redact = 3,
    Block = 4,
}
