namespace SecureRag.Guardrail.Domain.Sensitive;

/// <summary>A found value: its rule, where it is in the text, and the detector's confidence.</summary>
/// <param name="Priority">Resolves overlaps: the lower wins (a private key outranks the token inside it).</param>
public sealed record SensitiveSpan(string RuleId, int Start, int Length, double Score, int Priority, string Reason)
{
    public int End => Start + Length;
}
