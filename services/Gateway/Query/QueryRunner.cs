using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Gateway.Query.Dtos;

namespace SecureRag.Gateway.Query;

/// <summary>Runs a non-streamed query end to end and answers with the response or a problem with the refusal's code.</summary>
public static class QueryRunner
{
    public const string ServerTimingHeader = "Server-Timing";

    /// <param name="read">Reads the request into the pipeline's input; its refusals (a system message, say) answer 400.</param>
    /// <param name="answered">Runs after the answer passed the output rail (stores a conversation's turns).</param>
    public static async Task<Results<Ok<QueryResponse>, ProblemHttpResult>> RunAsync(
        HttpContext context, QueryPipeline pipeline, Func<QueryInput> read, Func<QueryState, QueryResult, Task>? answered = null, string? conversationId = null)
    {
        QueryState? state = null;
        var cancellationToken = context.RequestAborted;
        try
        {
            state = await pipeline.AuthorizeAsync(context, read());
            await pipeline.PrepareAsync(state, cancellationToken);
            var result = await pipeline.AnswerAsync(state, cancellationToken);
            if (answered is not null)
            {
                await answered(state, result);
            }

            await pipeline.AuditAsync(state, new QueryOutcome("success", null, result.Answer, result.Citations, result.Usage, result.Model), required: true, cancellationToken);
            context.Response.Headers[ServerTimingHeader] = state.Timings.ToHeader();
            return TypedResults.Ok(new QueryResponse(
                result.Answer, result.Citations, new GuardrailReportDto(state.Decisions), result.Usage, result.Model, result.FinishReason, state.TraceId, conversationId));
        }
        catch (QueryRefusedException ex)
        {
            return await RefuseAsync(context, pipeline, state, ex);
        }
    }

    /// <summary>Records a refusal (when the app was known) and turns it into problem details.</summary>
    public static async Task<ProblemHttpResult> RefuseAsync(HttpContext context, QueryPipeline pipeline, QueryState? state, QueryRefusedException refusal, QueryResult? partial = null)
    {
        if (state is not null)
        {
            var outcome = refusal.Status >= 500 ? "failure" : "blocked";
            await pipeline.AuditAsync(state, new QueryOutcome(outcome, refusal.Code, partial?.Answer, partial?.Citations ?? [], partial?.Usage, partial?.Model),
                required: false, CancellationToken.None);
        }

        if (refusal.RetryAfter is { } retryAfter)
        {
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return QueryProblems.From(refusal);
    }

    /// <summary>Turns of a client-supplied history; the system and developer roles are refused, the system prompt is the app's.</summary>
    public static IReadOnlyList<ChatTurn> ReadHistory(IReadOnlyList<ChatMessageDto>? history) =>
        [.. (history ?? []).Select(m => new ChatTurn(ReadRole(m.Role), m.Content ?? ""))];

    public static ChatRole ReadRole(string? role) => role switch
    {
        "user" => ChatRole.User,
        "assistant" => ChatRole.Assistant,
        "system" or "developer" => throw QueryRefusedException.BadRequest(QueryReasons.RoleNotAllowed,
            $"Messages with the '{role}' role are not accepted: the app's system prompt cannot be changed by the client."),
        "tool" or "function" => throw QueryRefusedException.BadRequest(QueryReasons.ToolsNotSupported, "Tools and functions are not supported."),
        _ => throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, "A message's role must be 'user' or 'assistant'."),
    };
}
