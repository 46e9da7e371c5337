namespace SecureRag.Guardrail.Domain.Normalization;

/// <summary>Text found inside an encoding (base64, hex, percent or entity escapes, Unicode tag characters).</summary>
/// <param name="Encoding">A short name for reasons, e.g. <c>base64</c>.</param>
/// <param name="Text">The normalised decoded text.</param>
/// <param name="Hidden">Whether the encoding hid the text (base64, hex, tag characters, or escapes making up much of
/// it), as opposed to an incidental escape such as one HTML entity in a name.</param>
public sealed record DecodedSegment(string Encoding, NormalizedText Text, bool Hidden);
