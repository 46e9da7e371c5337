namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>
/// An analysed query term and its weight: how often it occurs in the query (BM25 sums over query occurrences), times
/// the pair weight for a pair of adjacent words.
/// </summary>
public sealed record QueryTerm(string Term, double Weight);
