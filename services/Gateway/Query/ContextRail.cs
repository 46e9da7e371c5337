using Microsoft.Extensions.Options;
using SecureRag.Contracts.Guardrail;
using SecureRag.Contracts.Retrieval;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Retrieved passages before they reach the model: a passage the rail drops or quarantines (an indirect injection)
/// is left out and recorded; a redacted one goes on redacted. The rest are still untrusted: Inference fences them as data.
/// </summary>
public sealed class ContextRail(GuardrailService.GuardrailServiceClient guardrail, IOptions<QueryOptions> options)
{
    private const int MaxChunksPerCall = 256;

    public async Task<(IReadOnlyList<SearchHit> Kept, GuardrailDecisionDto Decision)> ScanAsync(
        QueryState state, IReadOnlyList<SearchHit> hits, CancellationToken cancellationToken)
    {
        var request = new ScanContextRequest { AppId = state.App.Id, Source = ContextSource.Retrieval };
        request.Chunks.AddRange(hits.Take(MaxChunksPerCall).Select(h => new Chunk { Id = h.ChunkId, Text = h.Text }));
        var response = await Downstream.GuardrailAsync(async () => await guardrail.ScanContextAsync(
            request, state.Headers("guardrail"), deadline: DateTime.UtcNow + options.Value.GuardrailTimeout, cancellationToken: cancellationToken));
        if (response.Chunks.Count != request.Chunks.Count)
        {
            // Fail closed: a verdict missing for any passage means none can be trusted.
            throw QueryRefusedException.Unavailable(QueryReasons.GuardrailUnavailable, "The guardrail");
        }

        var kept = new List<SearchHit>(hits.Count);
        var dropped = new List<string>();
        for (var i = 0; i < request.Chunks.Count; i++)
        {
            var verdict = response.Chunks[i];
            if (verdict.Disposition is ChunkDisposition.Drop or ChunkDisposition.Quarantine || verdict.Action == Contracts.Guardrail.Action.Block)
            {
                dropped.Add(hits[i].ChunkId);
                continue;
            }

            kept.Add(verdict.HasRedactedText ? hits[i].Clone().WithText(verdict.RedactedText) : hits[i]);
        }

        var decision = response.Decision ?? new Decision { Action = Contracts.Guardrail.Action.Allow };
        return (kept, decision.ToDto("context", dropped.Count == 0 ? null : dropped));
    }
}
