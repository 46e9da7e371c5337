using Grpc.Core;
using Microsoft.Extensions.Options;
using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.Retrieval.Infrastructure;
using SecureRag.ServiceDefaults.Security;
using RetrievalBase = SecureRag.Contracts.Retrieval.Retrieval.RetrievalBase;

namespace SecureRag.Retrieval.Grpc;

/// <summary>Search, under the caller's principal assertion.</summary>
public sealed class RetrievalGrpcService(HybridSearch search, IOptions<RetrievalOptions> options) : RetrievalBase
{
    public override async Task<SearchResponse> Search(SearchRequest request, ServerCallContext context)
    {
        var settings = options.Value;
        var query = SearchRequestReader.Read(request, context.GetCaller(), settings);
        var response = new SearchResponse { AnalyzedTerms = { query.Terms.Where(t => !QueryTerms.IsPair(t)).Select(t => t.Term) } };
        if (query.Terms.Count == 0)
        {
            // Only stop words: nothing to rank by, and a dense search on noise would return noise.
            return response;
        }

        var hits = await search.SearchAsync(query, context.CancellationToken);
        var terms = query.Terms.Select(t => t.Term).ToHashSet(StringComparer.Ordinal);
        response.Hits.AddRange(hits.Select(h => new SearchHit
        {
            ChunkId = h.ChunkId.ToString(),
            DocumentId = h.DocumentId,
            KnowledgeBaseId = h.KnowledgeBaseId,
            Title = h.Title,
            HeadingPath = { h.HeadingPath },
            Page = h.Page,
            Section = h.Section,
            Snippet = SnippetBuilder.Build(h.Text, terms, settings.SnippetLength),
            Text = h.Text,
            Score = h.Score,
            LexicalRank = h.LexicalRank,
            DenseRank = h.DenseRank,
            Version = h.Version,
            Source = h.Source,
        }));
        return response;
    }
}
