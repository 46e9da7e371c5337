using Microsoft.Extensions.Options;
using SecureRag.Contracts.Guardrail;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>
/// The question and every earlier turn, user's and client-supplied assistant's alike, are untrusted text: scanned
/// together so an attack split across turns is seen. A block refuses the query with the reason's code; a redaction
/// replaces the question downstream.
/// </summary>
public sealed class InputRail(GuardrailService.GuardrailServiceClient guardrail, IOptions<QueryOptions> options)
{
    private const int MaxHistory = 32;

    public async Task<(string Question, GuardrailDecisionDto Decision)> ScanAsync(
        QueryState state, CancellationToken cancellationToken)
    {
        var request = new ScanInputRequest { AppId = state.App.Id, Prompt = state.Input.Question };
        request.History.AddRange(state.Input.History.TakeLast(MaxHistory).Select(t => t.Text));
        var response = await Downstream.GuardrailAsync(async () => await guardrail.ScanInputAsync(
            request, state.Headers("guardrail"), deadline: DateTime.UtcNow + options.Value.GuardrailTimeout, cancellationToken: cancellationToken));
        var decision = response.Decision ?? new Decision { Action = Contracts.Guardrail.Action.Allow };
        var dto = decision.ToDto("input");
        if (decision.Action == Contracts.Guardrail.Action.Block)
        {
            state.Decisions.Add(dto);
            var code = QueryReasons.ForBlock(decision.BlockingRules(), output: false);
            throw new QueryRefusedException(StatusCodes.Status400BadRequest, code, "The question was refused by the app's guardrails.",
                $"The input was refused ({code}).");
        }

        var question = decision.Action == Contracts.Guardrail.Action.Redact && response.HasRedactedPrompt
            ? response.RedactedPrompt
            : state.Input.Question;
        return (question, dto);
    }
}
