using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Gateway.Apis.Dtos;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query.Conversations;

/// <summary>
/// Server-held conversations, so a client need not send (and cannot rewrite) the history: each belongs to the caller
/// and the app, and the next question is answered with the stored turns as its conversation.
/// </summary>
public static class ConversationsApi
{
    private const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1/apps/{app}/conversations").WithTags("Conversations").RequirePermission(Permission.Query);
        group.MapPost("/", CreateAsync).WithName("CreateConversation").ProducesQueryProblems();
        group.MapGet("/", ListAsync).WithName("ListConversations").ProducesQueryProblems();
        group.MapGet("/{id}", GetAsync).WithName("GetConversation").ProducesQueryProblems();
        group.MapPost("/{id}/messages", AskAsync).WithName("AskInConversation")
            .WithSummary("Asks the next question; the earlier turns come from the server.").ProducesQueryProblems();
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteConversation").ProducesQueryProblems();
        return endpoints;
    }

    private static async Task<Results<Created<ConversationDto>, ProblemHttpResult>> CreateAsync(
        string app, CreateConversationRequest? request, HttpContext context, QueryPipeline pipeline, ConversationStore store)
    {
        try
        {
            var (caller, settings) = await pipeline.AuthorizeAppAsync(context, app);
            var title = (request?.Title ?? "").Trim();
            var record = await store.CreateAsync(caller.Principal.TenantId, settings.Id, caller.Principal.PrincipalId, title.Length > 200 ? title[..200] : title, context.RequestAborted);
            return TypedResults.Created($"/v1/apps/{settings.Id}/conversations/{record.Id}", ToDto(record, []));
        }
        catch (QueryRefusedException ex)
        {
            return QueryProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<Page<ConversationDto>>, ProblemHttpResult>> ListAsync(
        string app, HttpContext context, QueryPipeline pipeline, ConversationStore store, int? pageSize, string? pageToken)
    {
        try
        {
            var (caller, settings) = await pipeline.AuthorizeAppAsync(context, app);
            var size = Math.Clamp(pageSize ?? 50, 1, MaxPageSize);
            Guid? after = Guid.TryParse(pageToken, out var token) ? token : null;
            var page = await store.ListAsync(caller.Principal.TenantId, settings.Id, caller.Principal.PrincipalId, size, after, context.RequestAborted);
            return TypedResults.Ok(new Page<ConversationDto>([.. page.Select(c => ToDto(c, []))], page.Count == size ? page[^1].Id.ToString() : null));
        }
        catch (QueryRefusedException ex)
        {
            return QueryProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<ConversationDto>, ProblemHttpResult>> GetAsync(
        string app, string id, HttpContext context, QueryPipeline pipeline, ConversationStore store)
    {
        try
        {
            var (caller, record) = await FindAsync(app, id, context, pipeline, store);
            var turns = await store.TurnsAsync(record.Id, context.RequestAborted);
            return TypedResults.Ok(ToDto(record, [.. turns.Select(ToDto)]));
        }
        catch (QueryRefusedException ex)
        {
            return QueryProblems.From(ex);
        }
    }

    private static async Task<Results<Ok<QueryResponse>, ProblemHttpResult>> AskAsync(
        string app, string id, ConversationMessageRequest request, HttpContext context, QueryPipeline pipeline, ConversationStore store)
    {
        ConversationRecord record;
        IReadOnlyList<TurnRecord> turns;
        try
        {
            (_, record) = await FindAsync(app, id, context, pipeline, store);
            turns = await store.TurnsAsync(record.Id, context.RequestAborted);
        }
        catch (QueryRefusedException ex)
        {
            return QueryProblems.From(ex);
        }

        var history = turns.Select(t => new ChatTurn(t.Role == "assistant" ? ChatRole.Assistant : ChatRole.User, t.Content)).ToList();
        return await QueryRunner.RunAsync(
            context,
            pipeline,
            () => new QueryInput(record.AppId, request.Question ?? "", history, request.MaxTokens, request.Temperature, request.TopK),
            (state, result) => store.AppendAsync(record.Id, state.Question, result.Answer, result.Citations, state.TraceId, context.RequestAborted),
            record.Id.ToString());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string app, string id, HttpContext context, QueryPipeline pipeline, ConversationStore store)
    {
        try
        {
            var (caller, record) = await FindAsync(app, id, context, pipeline, store);
            await store.DeleteAsync(caller.Principal.TenantId, record.AppId, caller.Principal.PrincipalId, record.Id, context.RequestAborted);
            return TypedResults.NoContent();
        }
        catch (QueryRefusedException ex)
        {
            return QueryProblems.From(ex);
        }
    }

    private static async Task<(GatewayCaller Caller, ConversationRecord Record)> FindAsync(
        string app, string id, HttpContext context, QueryPipeline pipeline, ConversationStore store)
    {
        var (caller, settings) = await pipeline.AuthorizeAppAsync(context, app);
        var record = Guid.TryParse(id, out var conversationId)
            ? await store.FindAsync(caller.Principal.TenantId, settings.Id, caller.Principal.PrincipalId, conversationId, context.RequestAborted)
            : null;
        return (caller, record ?? throw new QueryRefusedException(StatusCodes.Status404NotFound, QueryReasons.ConversationNotFound, "No such conversation."));
    }

    private static ConversationDto ToDto(ConversationRecord record, IReadOnlyList<ConversationMessageDto> messages) => new(
        record.Id.ToString(), record.AppId, record.Title, Utc(record.CreatedAt), Utc(record.UpdatedAt), messages);

    private static ConversationMessageDto ToDto(TurnRecord turn) => new(
        turn.Role, turn.Content, JsonSerializer.Deserialize<List<CitationDto>>(turn.Citations, JsonSerializerOptions.Web) ?? [], turn.TraceId, Utc(turn.CreatedAt));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
