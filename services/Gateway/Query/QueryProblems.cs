using System.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using SecureRag.Gateway.RateLimiting;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Refused queries as RFC 7807 problem details with a stable <c>code</c>. The same body also carries OpenAI's
/// <c>error</c> object, so an OpenAI client library reports the reason instead of a parse failure.
/// </summary>
public static class QueryProblems
{
    public static ProblemHttpResult From(QueryRefusedException refusal)
    {
        var problem = new ProblemDetails
        {
            Type = RateLimitProblems.TypePrefix + refusal.Code,
            Title = refusal.Title,
            Status = refusal.Status,
            Detail = refusal.Detail,
            Extensions =
            {
                ["code"] = refusal.Code,
                ["error"] = new Dictionary<string, object?>
                {
                    ["message"] = refusal.Detail ?? refusal.Title,
                    ["type"] = refusal.Status >= 500 ? "server_error" : "invalid_request_error",
                    ["code"] = refusal.Code,
                },
            },
        };
        if (Activity.Current is { } activity)
        {
            problem.Extensions["traceId"] = activity.TraceId.ToString();
        }

        return TypedResults.Problem(problem);
    }
}
