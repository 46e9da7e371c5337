using SecureRag.Contracts.Inference;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>The passages an answer cites, as the client sees them: document, title, section or page, snippet.</summary>
public static class Citations
{
    public static IReadOnlyList<CitationDto> From(QueryState state, IEnumerable<Citation> cited)
    {
        var byChunk = state.Passages.Select((p, i) => (p, i)).ToDictionary(x => x.p.ChunkId, StringComparer.Ordinal);
        var result = new List<CitationDto>();
        foreach (var citation in cited)
        {
            // Only passages that were in the prompt can be cited; anything else the model made up is not a citation.
            if (!byChunk.TryGetValue(citation.PassageId, out var found) || result.Any(r => r.Id == citation.CitationId))
            {
                continue;
            }

            var hit = found.p;
            result.Add(new CitationDto(
                citation.CitationId,
                hit.DocumentId,
                hit.Title,
                hit.SectionOf(),
                hit.Page > 0 ? hit.Page : null,
                hit.Snippet));
        }

        return result;
    }

    public static string FinishReasonName(FinishReason reason) => reason switch
    {
        FinishReason.Length => "length",
        FinishReason.ContentFilter => "content_filter",
        FinishReason.NoAnswer => "no_answer",
        _ => "stop",
    };

    public static UsageDto ToDto(this Usage? usage) => usage is null
        ? new UsageDto(0, 0, 0)
        : new UsageDto(usage.PromptTokens, usage.CompletionTokens, usage.TotalTokens > 0 ? usage.TotalTokens : usage.PromptTokens + usage.CompletionTokens);
}
