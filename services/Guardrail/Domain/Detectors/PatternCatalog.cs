namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>Every pattern rule, compiled once.</summary>
public static class PatternCatalog
{
    public static IReadOnlyList<PatternRule> All { get; } =
    [
        .. OverridePatterns.Rules(),
        .. ExtractionPatterns.Rules(),
        .. RolePlayPatterns.Rules(),
        .. JailbreakPatterns.Rules(),
        .. DelimiterPatterns.Rules(),
        .. IndirectPatterns.Rules(),
        .. CjkPatterns.Rules(),
        .. SquashedPatterns.Rules(),
    ];
}
