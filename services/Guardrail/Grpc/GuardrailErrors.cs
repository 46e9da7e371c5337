using Grpc.Core;

namespace SecureRag.Guardrail.Grpc;

/// <summary>The service's gRPC failures, each with a message the caller can act on.</summary>
internal static class GuardrailErrors
{
    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException PermissionDenied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    public static RpcException Aborted(string message) => new(new Status(StatusCode.Aborted, message));

    public static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));
}
