namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>
/// The views of one text that the detectors read. <see cref="Folded"/> is lower-case with compatibility forms,
/// diacritics, homoglyphs in mixed-script words and leetspeak folded, invisible characters removed and spaces
/// collapsed (line breaks kept). <see cref="Squashed"/> keeps only the letters and digits of <see cref="Folded"/>, so
/// phrases split by spaces, punctuation or line breaks read as one run.
/// </summary>
public sealed class NormalizedText
{
    public required string Original { get; init; }

    public required string Folded { get; init; }

    public required string Squashed { get; init; }

    public IReadOnlyList<DecodedSegment> Decoded { get; init; } = [];

    public NormalizationSignals Signals { get; init; }
}
