namespace SecureRag.Inference.Domain;

/// <summary>An extractive answer: its parts are "sentence [citation]" strings, the first without a leading space.</summary>
internal sealed record ExtractiveAnswer(GenerationStart Start, IReadOnlyList<string> Parts, GenerationEnd End);
