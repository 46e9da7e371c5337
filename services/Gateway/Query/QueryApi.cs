using Microsoft.AspNetCore.Http.HttpResults;
using SecureRag.Gateway.Query.Dtos;
using SecureRag.Gateway.RateLimiting;
using SecureRag.Gateway.Security;
using SecureRag.ServiceDefaults.Security;

namespace SecureRag.Gateway.Query;

/// <summary>The public query API: one-shot questions and the caller's daily token quotas.</summary>
public static class QueryApi
{
    public static IEndpointRouteBuilder MapQueryApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/apps/{app}/query", QueryAsync).WithTags("Query").WithName("Query")
            .WithSummary("Answers a question from the app's knowledge bases, with citations, guardrail decisions, usage and trace id.")
            .RequirePermission(Permission.Query)
            .ProducesQueryProblems();
        endpoints.MapGet("/v1/quota", QuotaAsync).WithTags("Query").WithName("GetQuota")
            .WithSummary("The caller's daily token quotas: limit, used, held by running requests, remaining.")
            .RequirePermission(Permission.Query);
        return endpoints;
    }

    private static Task<Results<Ok<QueryResponse>, ProblemHttpResult>> QueryAsync(
        string app, QueryRequest request, HttpContext context, QueryPipeline pipeline) =>
        QueryRunner.RunAsync(context, pipeline, () => new QueryInput(
            app, request.Question ?? "", QueryRunner.ReadHistory(request.History), request.MaxTokens, request.Temperature, request.TopK));

    private static async Task<Ok<QuotaDto>> QuotaAsync(HttpContext context, ITokenQuota quota)
    {
        var caller = QueryAuthorization.RequireCaller(context);
        var usage = await quota.GetUsageAsync(RateLimitSubject.From(caller), context.RequestAborted);
        return TypedResults.Ok(new QuotaDto([.. usage.Select(u => new QuotaCounterDto(
            u.Scope switch { RateLimitScope.ApiKey => "apikey", RateLimitScope.User => "user", _ => "tenant" },
            u.Limit, u.Used, u.Reserved, u.Remaining))]));
    }
}
