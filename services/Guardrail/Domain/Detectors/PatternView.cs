namespace SecureRag.Guardrail.Domain.Detectors;

/// <summary>Which view of the normalised text a pattern reads.</summary>
public enum PatternView
{
    /// <summary>Lower-case, folded, spaces collapsed: word-level patterns.</summary>
    Folded,

    /// <summary>Letters and digits only: phrases split by spaces, punctuation or line breaks, and CJK text.</summary>
    Squashed,
}
