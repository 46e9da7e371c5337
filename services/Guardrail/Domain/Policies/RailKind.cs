namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>The three rails; their names are the policy's section names and the audit actions' middle part.</summary>
public enum RailKind
{
    Input,
    Context,
    Output,
}
