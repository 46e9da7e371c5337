using SecureRag.Retrieval.Domain.Access;

namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>A validated search: the text, its analysed terms, who may see what, and how much to return.</summary>
public sealed record SearchQuery(
    string Text,
    IReadOnlyList<QueryTerm> Terms,
    SearchScope Scope,
    SearchFilter Filter,
    int TopK,
    RankingMode Mode,
    string OnBehalfOf);
