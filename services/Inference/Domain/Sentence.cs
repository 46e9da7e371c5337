namespace SecureRag.Inference.Domain;

/// <summary>A sentence of a passage, verbatim.</summary>
public readonly record struct Sentence(string Text, int Index);
