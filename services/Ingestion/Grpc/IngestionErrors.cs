using Grpc.Core;
using SecureRag.Ingestion.Domain.Parsing;

namespace SecureRag.Ingestion.Grpc;

/// <summary>Throw helpers: the status a caller can act on, invalid arguments as <c>field: message</c>.</summary>
public static class IngestionErrors
{
    /// <summary>The trailer that carries a refused document's code (see ingestion.proto).</summary>
    public const string ProblemCodeTrailer = "x-problem-code";

    public static RpcException NotFound(string what) => new(new Status(StatusCode.NotFound, $"{what} was not found."));

    public static RpcException Invalid(string field, string message) => new(new Status(StatusCode.InvalidArgument, $"{field}: {message}"));

    public static RpcException Denied(string action) => new(new Status(StatusCode.PermissionDenied, $"The caller may not {action}."));

    public static RpcException Conflict(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException Stale(int expected, int actual) =>
        new(new Status(StatusCode.Aborted, $"The knowledge base changed (version {actual}, expected {expected}); read it again."));

    public static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));

    public static RpcException Rejected(DocumentRejectedException rejection) =>
        new(new Status(rejection.Code == RejectionCode.TooLarge ? StatusCode.ResourceExhausted : StatusCode.InvalidArgument, rejection.Message),
            new Metadata { { ProblemCodeTrailer, rejection.Code.Code() } });
}
