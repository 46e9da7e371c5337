namespace SecureRag.Guardrail.Domain.Policies;

/// <summary>The effective setting of every rule of one rail, plus the rail's own options.</summary>
public sealed record RailPolicy
{
    public required IReadOnlyDictionary<string, RuleSetting> Rules { get; init; }

    /// <summary>Input rail: the longest prompt allowed, in UTF-16 code units.</summary>
    public int MaxChars { get; init; } = GuardrailPolicy.DefaultMaxChars;

    /// <summary>Input rail: phrases naming the app's topics; empty turns the scope check off.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Context rail: what happens to a blocked chunk.</summary>
    public ChunkDisposition OnBlock { get; init; } = ChunkDisposition.Drop;

    public RuleSetting this[string ruleId] => Rules[ruleId];
}
