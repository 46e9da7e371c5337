namespace SecureRag.Retrieval.Domain.Ranking;

/// <summary>Metadata filters, applied inside the ranking SQL with the trimming predicates.</summary>
public sealed record SearchFilter(
    string[] Tags,
    string[] Sources,
    DateTimeOffset? EffectiveFrom,
    DateTimeOffset? EffectiveTo,
    string[] DocumentIds,
    string[] KnowledgeBaseIds)
{
    public static SearchFilter None { get; } = new([], [], null, null, [], []);
}
