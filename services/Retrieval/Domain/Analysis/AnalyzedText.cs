namespace SecureRag.Retrieval.Domain.Analysis;

/// <summary>The index terms of a text with their frequencies; <see cref="Length"/> is BM25's document length.</summary>
public sealed record AnalyzedText(IReadOnlyDictionary<string, int> TermFrequencies, int Length, TextScript Script)
{
    public bool IsEmpty => Length == 0;
}
