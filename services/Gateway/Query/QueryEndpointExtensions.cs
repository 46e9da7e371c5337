namespace SecureRag.Gateway.Query;

public static class QueryEndpointExtensions
{
    /// <summary>
    /// Declares the problems a query endpoint can answer, each with a stable <c>code</c>: 400 (invalid request,
    /// <c>role_not_allowed</c>, <c>prompt_injection</c>, <c>out_of_scope</c>, <c>pii_blocked</c>, …), 404
    /// (<c>app_not_found</c>), 422 (the answer was withheld: <c>system_prompt_leak</c>, …), 429
    /// (<c>rate_limited</c>, <c>quota_exhausted</c>), 503 (<c>guardrail_unavailable</c>, <c>retrieval_unavailable</c>,
    /// <c>inference_unavailable</c>). 401 and 403 come with the permission.
    /// </summary>
    public static RouteHandlerBuilder ProducesQueryProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
}
