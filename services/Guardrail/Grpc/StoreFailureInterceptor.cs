using System.Data.Common;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace SecureRag.Guardrail.Grpc;

/// <summary>
/// A database failure (policy store, audit outbox) becomes UNAVAILABLE, which callers retry and otherwise treat as
/// a refusal: the guardrail never answers "allow" without its policy and its audit.
/// </summary>
public sealed class StoreFailureInterceptor(ILogger<StoreFailureInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (DbException ex)
        {
            logger.LogError(ex, "Database failure in {Method}", context.Method);
            throw GuardrailErrors.Unavailable("The guardrail's policy store is unavailable; retry later.");
        }
    }
}
