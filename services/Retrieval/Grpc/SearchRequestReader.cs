using SecureRag.Contracts.Retrieval;
using SecureRag.Retrieval.Domain.Access;
using SecureRag.Retrieval.Domain.Ranking;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Retrieval.Grpc;

/// <summary>
/// Validates a Search request against the verified caller and turns it into a <see cref="SearchQuery"/>. Who the
/// caller is comes only from the assertion; the request's app scope must name the assertion's app.
/// </summary>
public static class SearchRequestReader
{
    private const int MaxFilterValues = 1000;

    public static SearchQuery Read(SearchRequest request, CallerPrincipal caller, RetrievalOptions options)
    {
        if (caller.Kind is not (PrincipalKind.User or PrincipalKind.ApiKey))
        {
            throw RpcErrors.PermissionDenied("Search runs under a user's or an API key's principal assertion.");
        }

        var app = request.App ?? throw RpcErrors.InvalidArgument("app is required: the app scope the Gateway resolved.");
        if (!string.Equals(app.AppId, caller.AppId ?? "", StringComparison.Ordinal))
        {
            throw RpcErrors.PermissionDenied("app.app_id is not the app of the caller's assertion.");
        }

        if (app.Audience == Audience.Unspecified)
        {
            throw RpcErrors.InvalidArgument("app.audience is required.");
        }

        var text = request.Query.Trim();
        if (text.Length == 0)
        {
            throw RpcErrors.InvalidArgument("query is empty.");
        }

        if (text.Length > options.MaxQueryLength)
        {
            throw RpcErrors.InvalidArgument($"query is longer than {options.MaxQueryLength} characters.");
        }

        if (request.TopK < 0 || request.TopK > options.MaxTopK)
        {
            throw RpcErrors.InvalidArgument($"top_k must be between 1 and {options.MaxTopK} (0 takes {options.DefaultTopK}).");
        }

        var scope = new SearchScope(
            caller.TenantId,
            AccessEntries.KeysOf(caller),
            AudienceRules.ReadableClassifications(app.Audience),
            AudienceRules.MayReadRestricted(app.Audience),
            app.AllKnowledgeBases,
            Limit(app.KnowledgeBaseIds, "app.knowledge_base_ids"),
            Limit(app.KnowledgeBaseNames, "app.knowledge_base_names"));
        return new SearchQuery(
            text,
            QueryTerms.From(text, options.MaxQueryTerms, options.PairWeight),
            scope,
            ReadFilter(request.Filters),
            request.TopK == 0 ? options.DefaultTopK : request.TopK,
            request.Mode switch
            {
                SearchMode.Lexical => RankingMode.Lexical,
                SearchMode.Dense => RankingMode.Dense,
                SearchMode.Hybrid or SearchMode.Unspecified => RankingMode.Hybrid,
                _ => throw RpcErrors.InvalidArgument("mode is unknown."),
            },
            caller.PrincipalId);
    }

    private static SearchFilter ReadFilter(SearchFilters? filters)
    {
        if (filters is null)
        {
            return SearchFilter.None;
        }

        DateTimeOffset? from = filters.EffectiveFrom?.ToDateTimeOffset();
        DateTimeOffset? to = filters.EffectiveTo?.ToDateTimeOffset();
        if (from > to)
        {
            throw RpcErrors.InvalidArgument("filters.effective_from is after filters.effective_to.");
        }

        return new SearchFilter(
            Limit(filters.Tags, "filters.tags"),
            Limit(filters.Sources, "filters.sources"),
            from,
            to,
            Limit(filters.DocumentIds, "filters.document_ids"),
            Limit(filters.KnowledgeBaseIds, "filters.knowledge_base_ids"));
    }

    private static string[] Limit(IReadOnlyCollection<string> values, string field)
    {
        if (values.Count > MaxFilterValues)
        {
            throw RpcErrors.InvalidArgument($"{field} has more than {MaxFilterValues} values.");
        }

        if (values.Any(v => v.Contains('\0', StringComparison.Ordinal)))
        {
            throw RpcErrors.InvalidArgument($"{field} contains a NUL character.");
        }

        return [.. values];
    }
}
