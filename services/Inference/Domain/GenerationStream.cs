namespace SecureRag.Inference.Domain;

/// <summary>A generation in progress: its start is known at once, then text chunks, the last one carrying the end.</summary>
public sealed record GenerationStream(GenerationStart Start, IAsyncEnumerable<GenerationChunk> Chunks);
