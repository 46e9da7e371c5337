using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace SecureRag.ServiceDefaults.Security;

/// <summary>
/// Requires a valid assertion for this service on every RPC except the health service, and makes the verified caller
/// available to handlers through <see cref="CallerContextExtensions.GetCaller"/>.
/// </summary>
public sealed class AssertionServerInterceptor(AssertionValidator validator, ILogger<AssertionServerInterceptor> logger) : Interceptor
{
    private const string HealthServicePrefix = "/grpc.health.v1.Health/";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(request, context);
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        return await continuation(requestStream, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(request, responseStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        await AuthenticateAsync(context);
        await continuation(requestStream, responseStream, context);
    }

    private async Task AuthenticateAsync(ServerCallContext context)
    {
        var http = context.GetHttpContext();
        if (context.Method.StartsWith(HealthServicePrefix, StringComparison.Ordinal)
            || http.GetEndpoint()?.Metadata.GetMetadata<AllowWithoutAssertionAttribute>() is not null)
        {
            return;
        }

        var header = context.RequestHeaders.GetValue(AssertionMetadata.HeaderName);
        if (header is null || !header.StartsWith(AssertionMetadata.Scheme, StringComparison.Ordinal))
        {
            throw Refuse(context, "An assertion is required.");
        }

        var (caller, error) = await validator.ValidateAsync(header[AssertionMetadata.Scheme.Length..], context.CancellationToken);
        if (caller is null)
        {
            throw Refuse(context, error!);
        }

        http.Items[CallerContextExtensions.CallerKey] = caller;
    }

    private RpcException Refuse(ServerCallContext context, string reason)
    {
        logger.LogWarning("Refused {Method} from {Peer}: {Reason}", context.Method, context.Peer, reason);
        return new RpcException(new Status(StatusCode.Unauthenticated, reason));
    }
}
