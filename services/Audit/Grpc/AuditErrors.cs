using Grpc.Core;

namespace SecureRag.Audit.Grpc;

public static class AuditErrors
{
    public static RpcException PermissionDenied(string message) => new(new Status(StatusCode.PermissionDenied, message));

    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));
}
