using SecureRag.Contracts.Guardrail;
using SecureRag.Ingestion.Domain.Pipeline;
using ChunkVerdict = SecureRag.Ingestion.Domain.Pipeline.ChunkVerdict;
using GuardrailChunk = SecureRag.Contracts.Guardrail.Chunk;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

public sealed class GuardrailContextScanner(GuardrailService.GuardrailServiceClient guardrail, ServiceCalls calls) : IContextScanner
{
    public async Task<IReadOnlyList<ChunkVerdict>> ScanAsync(Actor actor, IReadOnlyList<(string Id, string Text)> chunks, CancellationToken cancellationToken)
    {
        var headers = await calls.HeadersAsync("guardrail", actor, cancellationToken);
        var request = new ScanContextRequest { Source = ContextSource.Ingestion };
        request.Chunks.AddRange(chunks.Select(c => new GuardrailChunk { Id = c.Id, Text = c.Text }));
        var response = await RpcFailures.CallAsync(
            "guardrail", () => guardrail.ScanContextAsync(request, headers, cancellationToken: cancellationToken).ResponseAsync, cancellationToken);
        if (response.Chunks.Count != chunks.Count)
        {
            throw new DependencyUnavailableException("guardrail", $"answered {response.Chunks.Count} verdicts for {chunks.Count} chunks");
        }

        return [.. response.Chunks.Select(v => new ChunkVerdict(
            v.ChunkId,
            v.Action switch
            {
                Contracts.Guardrail.Action.Allow => ScanOutcome.Pass,
                Contracts.Guardrail.Action.Flag => ScanOutcome.Flag,
                Contracts.Guardrail.Action.Redact => ScanOutcome.Redact,
                _ => ScanOutcome.Block,
            },
            v.Disposition is ChunkDisposition.Drop or ChunkDisposition.Quarantine,
            v.HasRedactedText ? v.RedactedText : null,
            [.. v.Findings.Select(f => f.RuleId).Distinct()]))];
    }
}
