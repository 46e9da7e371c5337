namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>The policy a scan runs under, and its version (0: the built-in default).</summary>
public sealed record EffectivePolicy(GuardrailPolicy Policy, int Version)
{
    public static EffectivePolicy Default { get; } = new(GuardrailPolicy.Default, 0);
}
