using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// A downstream service's refusal as RFC 7807 problem details. Services phrase invalid arguments as
/// <c>field: message</c>, so the problem names the field.
/// </summary>
public static class RpcProblems
{
    public static ProblemHttpResult From(RpcException ex)
    {
        var status = ex.StatusCode switch
        {
            StatusCode.InvalidArgument or StatusCode.OutOfRange => StatusCodes.Status400BadRequest,
            StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
            StatusCode.NotFound => StatusCodes.Status404NotFound,
            StatusCode.AlreadyExists or StatusCode.Aborted or StatusCode.FailedPrecondition => StatusCodes.Status409Conflict,
            StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
            StatusCode.Unavailable or StatusCode.DeadlineExceeded => StatusCodes.Status503ServiceUnavailable,
            _ => StatusCodes.Status500InternalServerError,
        };
        var detail = status == StatusCodes.Status500InternalServerError ? "An internal error occurred." : ex.Status.Detail;
        var separator = detail.IndexOf(": ", StringComparison.Ordinal);
        if (status == StatusCodes.Status400BadRequest && separator > 0 && !detail[..separator].Contains(' '))
        {
            return TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]>
            {
                [detail[..separator]] = [detail[(separator + 2)..]],
            })
            { Status = status, Title = "The request is not valid." });
        }

        return TypedResults.Problem(statusCode: status, detail: detail);
    }
}
