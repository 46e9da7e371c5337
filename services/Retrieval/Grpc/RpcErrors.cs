using Grpc.Core;

namespace SecureRag.Retrieval.Grpc;

/// <summary>Throw helpers: every failure a caller can act on is an RpcException with the right status.</summary>
public static class RpcErrors
{
    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));

    public static RpcException NotFound(string message) => new(new Status(StatusCode.NotFound, message));

    public static RpcException FailedPrecondition(string message) => new(new Status(StatusCode.FailedPrecondition, message));

    public static RpcException AlreadyExists(string message) => new(new Status(StatusCode.AlreadyExists, message));

    public static RpcException PermissionDenied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    public static RpcException Unavailable(string message) => new(new Status(StatusCode.Unavailable, message));
}
