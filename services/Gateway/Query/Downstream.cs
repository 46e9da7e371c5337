using Grpc.Core;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Calls to the services of the query path, with their failures turned into refusals. Fail closed: any failure of the
/// Guardrail other than a complaint about the text itself is a 503, never a pass.
/// </summary>
public static class Downstream
{
    public static async Task<T> GuardrailAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw QueryRefusedException.Unavailable(QueryReasons.GuardrailUnavailable, "The guardrail");
        }
    }

    public static async Task<T> RetrievalAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.PermissionDenied)
        {
            throw QueryAuthorization.NotPermitted();
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw QueryRefusedException.Unavailable(QueryReasons.RetrievalUnavailable, "Retrieval");
        }
    }

    public static async Task<T> InferenceAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            throw QueryRefusedException.BadRequest(QueryReasons.PromptTooLong, ex.Status.Detail);
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw QueryRefusedException.Unavailable(QueryReasons.InferenceUnavailable, "The model");
        }
    }

    /// <summary>A refusal for a failure in the middle of a call that was already running (streams).</summary>
    public static QueryRefusedException FromInference(RpcException ex) => ex.StatusCode == StatusCode.InvalidArgument
        ? QueryRefusedException.BadRequest(QueryReasons.PromptTooLong, ex.Status.Detail)
        : QueryRefusedException.Unavailable(QueryReasons.InferenceUnavailable, "The model");
}
