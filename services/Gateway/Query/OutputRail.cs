using Microsoft.Extensions.Options;
using SecureRag.Contracts.Guardrail;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>
/// The model's answer (or one streamed segment of it) before the client sees it: personal data and secrets
/// redacted, the request's canary and verbatim system-prompt runs caught, unsupported sentences marked.
/// </summary>
public sealed class OutputRail(GuardrailService.GuardrailServiceClient guardrail, IOptions<QueryOptions> options)
{
    public Task<ScanOutputResponse> ScanAsync(QueryState state, string text, string canary, bool withPassages, CancellationToken cancellationToken)
    {
        var request = new ScanOutputRequest
        {
            AppId = state.App.Id,
            Text = text,
            CanaryToken = canary,
            SystemPrompt = state.App.SystemPrompt,
        };
        if (withPassages)
        {
            request.CitedPassages.AddRange(state.Passages.Select(p => new Contracts.Guardrail.Passage { Id = p.ChunkId, Text = p.Text }));
        }

        return Downstream.GuardrailAsync(async () => await guardrail.ScanOutputAsync(
            request, state.Headers("guardrail"), deadline: DateTime.UtcNow + options.Value.GuardrailTimeout, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Citation snippets are document text shown to the client, so they pass the rail too (one call for all): redacted
    /// as the answer would be, and left out when the rail blocks them.
    /// </summary>
    public async Task<IReadOnlyList<CitationDto>> CheckSnippetsAsync(QueryState state, IReadOnlyList<CitationDto> citations, CancellationToken cancellationToken)
    {
        const string Separator = "\n\n\u2029\n\n";
        if (citations.Count == 0 || citations.All(c => string.IsNullOrWhiteSpace(c.Snippet)))
        {
            return citations;
        }

        var joined = string.Join(Separator, citations.Select(c => c.Snippet));
        var response = await Downstream.GuardrailAsync(async () => await guardrail.ScanOutputAsync(
            new ScanOutputRequest { AppId = state.App.Id, Text = joined },
            state.Headers("guardrail"), deadline: DateTime.UtcNow + options.Value.GuardrailTimeout, cancellationToken: cancellationToken));
        var action = response.Decision?.Action ?? Contracts.Guardrail.Action.Allow;
        if (action == Contracts.Guardrail.Action.Block)
        {
            return [.. citations.Select(c => c with { Snippet = "" })];
        }

        if (action != Contracts.Guardrail.Action.Redact || !response.HasRedactedText)
        {
            return citations;
        }

        var parts = response.RedactedText.Split(Separator);
        return parts.Length == citations.Count
            ? [.. citations.Select((c, i) => c with { Snippet = parts[i] })]
            : [.. citations.Select(c => c with { Snippet = "" })];
    }

    /// <summary>The text the client may see, or a refusal when the rail blocked it.</summary>
    public static string Released(ScanOutputResponse response, string text)
    {
        var decision = response.Decision;
        if (decision?.Action == Contracts.Guardrail.Action.Block)
        {
            var code = QueryReasons.ForBlock(decision.BlockingRules(), output: true);
            throw new QueryRefusedException(StatusCodes.Status422UnprocessableEntity, code, "The answer was withheld by the app's guardrails.",
                $"The answer was withheld ({code}).");
        }

        return decision?.Action == Contracts.Guardrail.Action.Redact && response.HasRedactedText ? response.RedactedText : text;
    }
}
