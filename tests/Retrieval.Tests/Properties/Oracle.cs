using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Analysis;
using SecureRag.Retrieval.Domain.Indexing;

namespace SecureRag.Retrieval.Tests.Properties;

/// <summary>The rules of issue 7 and 8, written independently of the SQL that applies them.</summary>
internal static class Oracle
{
    public static bool MayRead(Principal who, DocModel doc)
    {
        var keys = who.Keys;
        var kb = doc.Kb;
        var bound = who.App.AllKnowledgeBases && kb.Class != Classification.Restricted
            || who.App.KnowledgeBaseIds.Contains(kb.Id) || who.App.KnowledgeBaseNames.Contains(kb.Id);
        var audienceAllows = who.App.Audience switch
        {
            Audience.Internal => kb.Class != Classification.Restricted || who.App.KnowledgeBaseIds.Contains(kb.Id) || who.App.KnowledgeBaseNames.Contains(kb.Id),
            Audience.Partner => kb.Class is Classification.Partner or Classification.Customer,
            Audience.Customer => kb.Class == Classification.Customer,
            _ => false,
        };
        var stale = kb.ExcludeStale && kb.ReviewBefore is { } review && doc.Effective < review;
        return !doc.Deleted && doc.LiveVersion > 0 && doc.Tenant == who.Tenant && kb.Tenant == who.Tenant
            && bound && audienceAllows && !stale
            && kb.Access.Intersect(keys).Any() && doc.Access.Intersect(keys).Any();
    }

    public static bool Matches(DocModel doc, string chunk, IReadOnlySet<string> queryTerms) =>
        TextAnalyzer.Analyze(ChunkTextComposer.Compose(doc.Title, [], chunk)).TermFrequencies.Keys.Any(queryTerms.Contains);
}
