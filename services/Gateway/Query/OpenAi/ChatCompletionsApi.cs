using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query.OpenAi;

/// <summary>
/// <c>POST /v1/chat/completions</c>, compatible with OpenAI's API so existing client libraries work unchanged:
/// <c>model</c> names the app, <c>stream: true</c> answers with server-sent events in OpenAI's chunk format, and the
/// citations travel in the extension field <c>citations</c> (on the completion, or on the last streamed chunk).
/// </summary>
public static class ChatCompletionsApi
{
    public static IEndpointRouteBuilder MapChatCompletionsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/chat/completions", CompleteAsync).WithTags("OpenAI-compatible").WithName("CreateChatCompletion")
            .WithSummary("OpenAI-compatible chat completion; model is the app's id. Refuses system and developer messages, tools, functions and n > 1.")
            .RequirePermission(Permission.Query)
            .Produces<ChatCompletionResponse>(StatusCodes.Status200OK, "application/json", "text/event-stream")
            .ProducesQueryProblems();
        return endpoints;
    }

    private static async Task<IResult> CompleteAsync(ChatCompletionRequest request, HttpContext context, QueryPipeline pipeline)
    {
        var created = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var id = "chatcmpl-" + Guid.NewGuid().ToString("N");
        if (request.Stream != true)
        {
            var result = await QueryRunner.RunAsync(context, pipeline, () => ChatRequestReader.Read(request));
            return result.Result switch
            {
                Ok<QueryResponse> { Value: { } answer } => TypedResults.Ok(new ChatCompletionResponse(
                    id, "chat.completion", created, request.Model ?? "",
                    [new ChatCompletionChoice(0, new ChatCompletionDelta("assistant", answer.Answer), null, FinishReason(answer.FinishReason))],
                    new ChatCompletionUsage(answer.Usage.PromptTokens, answer.Usage.CompletionTokens, answer.Usage.TotalTokens),
                    answer.Citations, answer.Guardrail, answer.TraceId)),
                _ => result.Result,
            };
        }

        QueryState? state = null;
        try
        {
            state = await pipeline.AuthorizeAsync(context, ChatRequestReader.Read(request));
            await pipeline.PrepareAsync(state, context.RequestAborted);
        }
        catch (QueryRefusedException ex)
        {
            // Nothing was sent yet: refuse with a status code, as OpenAI's API does.
            return await QueryRunner.RefuseAsync(context, pipeline, state, ex);
        }

        await StreamAsync(context, pipeline, state, new ChunkWriter(context.Response, id, created, request.Model ?? ""), request.StreamOptions?.IncludeUsage == true);
        return TypedResults.Empty;
    }

    private static async Task StreamAsync(HttpContext context, QueryPipeline pipeline, QueryState state, ChunkWriter writer, bool includeUsage)
    {
        var cancellationToken = context.RequestAborted;
        await writer.StartAsync(state, cancellationToken);
        QueryResult result;
        try
        {
            result = await pipeline.StreamAsync(state, text => writer.ContentAsync(text, cancellationToken), cancellationToken);
        }
        catch (QueryRefusedException ex)
        {
            await QueryRunner.RefuseAsync(context, pipeline, state, ex);
            await writer.FinishAsync(new ChatCompletionChoice(0, null, new ChatCompletionDelta(null, null), "content_filter"), null,
                new GuardrailReportDto(state.Decisions), new ChatCompletionError(ex.Detail ?? ex.Title, ex.Status >= 500 ? "server_error" : "invalid_request_error", ex.Code),
                cancellationToken);
            await writer.DoneAsync(cancellationToken);
            return;
        }

        await pipeline.AuditAsync(state, new QueryOutcome("success", null, result.Answer, result.Citations, result.Usage, result.Model), required: false, CancellationToken.None);
        await writer.FinishAsync(new ChatCompletionChoice(0, null, new ChatCompletionDelta(null, null), FinishReason(result.FinishReason)), result.Citations,
            new GuardrailReportDto(state.Decisions), null, cancellationToken);
        if (includeUsage)
        {
            await writer.UsageAsync(new ChatCompletionUsage(result.Usage.PromptTokens, result.Usage.CompletionTokens, result.Usage.TotalTokens), cancellationToken);
        }

        await writer.DoneAsync(cancellationToken);
    }

    /// <summary>OpenAI knows <c>stop</c>, <c>length</c> and <c>content_filter</c>; "nothing answers it" is a stop.</summary>
    private static string FinishReason(string reason) => reason is "length" or "content_filter" ? reason : "stop";

    /// <summary>Writes OpenAI's <c>chat.completion.chunk</c> events.</summary>
    private sealed class ChunkWriter(HttpResponse response, string id, long created, string model)
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private string _traceId = "";

        public async Task StartAsync(QueryState state, CancellationToken cancellationToken)
        {
            _traceId = state.TraceId;
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
            response.Headers["X-Accel-Buffering"] = "no";
            await WriteAsync(Chunk([new ChatCompletionChoice(0, null, new ChatCompletionDelta("assistant", ""), null)]), cancellationToken);
        }

        public Task ContentAsync(string text, CancellationToken cancellationToken) =>
            text.Length == 0 ? Task.CompletedTask : WriteAsync(Chunk([new ChatCompletionChoice(0, null, new ChatCompletionDelta(null, text), null)]), cancellationToken);

        public Task FinishAsync(ChatCompletionChoice choice, IReadOnlyList<CitationDto>? citations, GuardrailReportDto guardrail, ChatCompletionError? error, CancellationToken cancellationToken) =>
            WriteAsync(Chunk([choice]) with { Citations = citations ?? [], Guardrail = guardrail, TraceId = _traceId, Error = error }, cancellationToken);

        public Task UsageAsync(ChatCompletionUsage usage, CancellationToken cancellationToken) =>
            WriteAsync(Chunk([]) with { Usage = usage }, cancellationToken);

        public async Task DoneAsync(CancellationToken cancellationToken)
        {
            await response.WriteAsync("data: [DONE]\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }

        private ChatCompletionResponse Chunk(IReadOnlyList<ChatCompletionChoice> choices) =>
            new(id, "chat.completion.chunk", created, model, choices, null);

        private async Task WriteAsync(ChatCompletionResponse chunk, CancellationToken cancellationToken)
        {
            await response.WriteAsync("data: " + JsonSerializer.Serialize(chunk, Json) + "\n\n", cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }
}
