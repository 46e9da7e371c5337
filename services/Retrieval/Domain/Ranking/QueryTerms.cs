using SecureRag.Retrieval.Domain.Analysis;

namespace SecureRag.Retrieval.Domain.Ranking;

public static class QueryTerms
{
    /// <summary>
    /// The query's analysed terms (words first, in order of first appearance, then pairs of adjacent words) with their
    /// weights, at most <paramref name="max"/>.
    /// </summary>
    public static IReadOnlyList<QueryTerm> From(string query, int max, double pairWeight) =>
        [.. TextAnalyzer.Analyze(query, pairs: pairWeight > 0).TermFrequencies
            .Take(max)
            .Select(t => new QueryTerm(t.Key, t.Value * (t.Key.Contains(TextAnalyzer.PairSeparator, StringComparison.Ordinal) ? pairWeight : 1)))];

    public static bool IsPair(QueryTerm term) => term.Term.Contains(TextAnalyzer.PairSeparator, StringComparison.Ordinal);
}
