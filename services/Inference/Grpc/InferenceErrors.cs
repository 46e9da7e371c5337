using Grpc.Core;
using SecureRag.Inference.Domain;

namespace SecureRag.Inference.Grpc;

/// <summary>The service's failures as gRPC statuses with messages a caller can act on.</summary>
public static class InferenceErrors
{
    public static RpcException InvalidArgument(string message) => new(new Status(StatusCode.InvalidArgument, message));

    /// <returns>The status to throw, or null for an exception that is not the caller's to see (it becomes Unknown/Internal).</returns>
    public static RpcException? Map(Exception exception) => exception switch
    {
        RpcException rpc => rpc,
        ModelNotFoundException e => new(new Status(StatusCode.NotFound, e.Message)),
        PromptTooLargeException e => new(new Status(StatusCode.InvalidArgument, e.Message)),
        EmbedderMismatchException e => new(new Status(StatusCode.FailedPrecondition, e.Message)),
        ModelCallException { Kind: ModelFailureKind.Unavailable } e => new(new Status(StatusCode.Unavailable, e.Message)),
        ModelCallException { Kind: ModelFailureKind.Timeout } e => new(new Status(StatusCode.DeadlineExceeded, e.Message)),
        ModelCallException e => new(new Status(StatusCode.FailedPrecondition, e.Message)),
        _ => null,
    };
}
