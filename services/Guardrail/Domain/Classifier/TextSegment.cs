namespace SecureRag.Guardrail.Domain.Classifier;

/// <summary>A line or sentence of a folded chunk, scored on its own by the context classifier.</summary>
public readonly record struct TextSegment(int Start, int Length, SegmentTraits Traits);
