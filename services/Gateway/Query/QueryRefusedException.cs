namespace SecureRag.Gateway.Query;

/// <summary>A query the pipeline refuses or cannot answer: the HTTP status, the stable reason code and a short detail.</summary>
public sealed class QueryRefusedException(int status, string code, string title, string? detail = null) : Exception(detail ?? title)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string Title { get; } = title;

    public string? Detail { get; } = detail;

    /// <summary>When to try again, for refusals that pass (quotas); sent as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public static QueryRefusedException BadRequest(string code, string detail) => new(StatusCodes.Status400BadRequest, code, "The request is not valid.", detail);

    public static QueryRefusedException Unavailable(string code, string what) =>
        new(StatusCodes.Status503ServiceUnavailable, code, "Service unavailable", $"{what} is unavailable; the query was not answered.");
}
