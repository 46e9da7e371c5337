namespace SecureRag.Inference.Domain;

/// <summary>A text delta; the last chunk of a stream carries <see cref="End"/> (and possibly empty text).</summary>
public sealed record GenerationChunk(string Text, GenerationEnd? End = null);
