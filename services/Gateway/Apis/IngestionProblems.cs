using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SecureRag.Gateway.Apis;

/// <summary>
/// Ingestion's refusals as problem details. A refused document carries its reason code in the <c>x-problem-code</c>
/// trailer: too large answers 413, an unsupported format 415, everything else about the file's content 422, each
/// with the code as the <c>code</c> extension; other refusals map as <see cref="RpcProblems"/> does.
/// </summary>
public static class IngestionProblems
{
    public const string ProblemCodeTrailer = "x-problem-code";

    public static ProblemHttpResult From(RpcException ex)
    {
        var code = ex.Trailers.GetValue(ProblemCodeTrailer);
        if (code is null)
        {
            return RpcProblems.From(ex);
        }

        var (status, title) = code switch
        {
            "document.too_large" => (StatusCodes.Status413PayloadTooLarge, "The file is too large."),
            "document.unsupported_format" => (StatusCodes.Status415UnsupportedMediaType, "The file's format is not supported."),
            "document.encrypted" => (StatusCodes.Status422UnprocessableEntity, "The file is encrypted."),
            "document.expansion_limit" => (StatusCodes.Status422UnprocessableEntity, "The file expands beyond the limits."),
            "document.encoding" => (StatusCodes.Status422UnprocessableEntity, "The file's text encoding is not supported."),
            "document.empty" => (StatusCodes.Status422UnprocessableEntity, "The file has no text."),
            _ => (StatusCodes.Status422UnprocessableEntity, "The file cannot be read."),
        };
        return TypedResults.Problem(statusCode: status, title: title, detail: ex.Status.Detail, extensions: new Dictionary<string, object?> { ["code"] = code });
    }

    public static ProblemHttpResult TooLarge(long limit) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The file is too large.",
        detail: $"Uploads are limited to {limit} bytes.",
        extensions: new Dictionary<string, object?> { ["code"] = "document.too_large" });

    public static ProblemHttpResult Invalid(string field, string message) =>
        TypedResults.Problem(new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
        });
}
