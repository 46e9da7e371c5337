namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>Obfuscation the normaliser undid; reported as reasons and, for some, as findings of their own.</summary>
[Flags]
public enum NormalizationSignals
{
    None = 0,
    ZeroWidth = 1,
    BidiControls = 2,
    TagCharacters = 4,
    Homoglyphs = 8,
    Leetspeak = 16,
    SpacedLetters = 32,
    CompatibilityForms = 64,
    Encoded = 128,
}
