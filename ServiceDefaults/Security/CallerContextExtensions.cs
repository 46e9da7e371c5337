using Grpc.Core;

namespace SecureRag.ServiceDefaults.Security;

public static class CallerContextExtensions
{
    internal const string CallerKey = "securerag.caller";

    /// <summary>
    /// The verified caller of this RPC. The assertion interceptor sets it before any handler runs and refuses calls
    /// without a valid assertion, so inside a handler it is always present.
    /// </summary>
    public static CallerPrincipal GetCaller(this ServerCallContext context) =>
        context.GetHttpContext().Items[CallerKey] as CallerPrincipal
        ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "No verified caller."));
}
