namespace SecureRag.Retrieval.Domain.Ranking;

public enum RankingMode
{
    Hybrid,
    Lexical,
    Dense,
}
