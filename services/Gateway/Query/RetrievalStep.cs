using Microsoft.Extensions.Options;
using SecureRag.Contracts.Retrieval;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Searches the app's knowledge bases under the caller's assertion: Retrieval trims to what the caller may read inside
/// its ranking SQL, so nothing forbidden (not even a count) comes back. The scope is the app's, resolved from Auth.
/// </summary>
public sealed class RetrievalStep(Contracts.Retrieval.Retrieval.RetrievalClient retrieval, IOptions<QueryOptions> options)
{
    /// <summary>Retrieval's default limit on a query's length; a longer question is searched by its beginning.</summary>
    private const int MaxSearchChars = 1000;

    public async Task<IReadOnlyList<SearchHit>> SearchAsync(QueryState state, CancellationToken cancellationToken)
    {
        var scope = Scope(state);
        if (scope is null)
        {
            return [];
        }

        var request = new SearchRequest
        {
            Query = SearchText(state.Question),
            App = scope,
            TopK = Math.Clamp(state.Input.TopK ?? options.Value.TopK, 1, 100),
        };
        var response = await Downstream.RetrievalAsync(async () => await retrieval.SearchAsync(
            request, state.Headers("retrieval"), deadline: DateTime.UtcNow + options.Value.RetrievalTimeout, cancellationToken: cancellationToken));
        return response.Hits;
    }

    /// <summary>The app's scope; null when the app binds no knowledge base (it answers from the conversation alone).</summary>
    private static AppScope? Scope(QueryState state)
    {
        if (state.App.KnowledgeBases.Count == 0)
        {
            return null;
        }

        var scope = new AppScope
        {
            // Retrieval checks this against the assertion: the app of an app's key, none for a user acting directly.
            AppId = state.Caller.Principal.AppId ?? "",
            Audience = state.App.Audience switch
            {
                "partner" => Audience.Partner,
                "customer" => Audience.Customer,
                _ => Audience.Internal,
            },
        };
        foreach (var kb in state.App.KnowledgeBases)
        {
            if (kb == "*")
            {
                scope.AllKnowledgeBases = true;
            }
            else if (Guid.TryParse(kb, out _))
            {
                scope.KnowledgeBaseIds.Add(kb);
            }
            else
            {
                scope.KnowledgeBaseNames.Add(kb);
            }
        }

        return scope;
    }

    private static string SearchText(string question)
    {
        var text = question.Trim();
        if (text.Length <= MaxSearchChars)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', MaxSearchChars - 1);
        return text[..(cut > 0 ? cut : MaxSearchChars)];
    }
}
