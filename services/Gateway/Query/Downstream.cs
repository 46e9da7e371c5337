using Grpc.Core;

namespace SecureRag.Gateway.Query;

/// <summary>
/// Calls to the services of the query path, with their failures turned into refusals. Fail closed: any failure of the
/// Guardrail other than a complaint about the text itself is a 503, never a pass.
/// </summary>
public static class Downstream
{
    public static Task<T> GuardrailAsync<T>(Func<Task<T>> call) => CallAsync(call, ex => ex.StatusCode == StatusCode.InvalidArgument
        ? QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, ex.Status.Detail)
        : QueryRefusedException.Unavailable(QueryReasons.GuardrailUnavailable, "The guardrail"));

    public static Task<T> RetrievalAsync<T>(Func<Task<T>> call) => CallAsync(call, ex => ex.StatusCode switch
    {
        StatusCode.InvalidArgument => QueryRefusedException.BadRequest(QueryReasons.InvalidRequest, ex.Status.Detail),
        StatusCode.PermissionDenied => QueryAuthorization.NotPermitted(),
        _ => QueryRefusedException.Unavailable(QueryReasons.RetrievalUnavailable, "Retrieval"),
    });

    public static Task<T> InferenceAsync<T>(Func<Task<T>> call) => CallAsync(call, FromInference);

    /// <summary>A refusal for a failure of Inference, also in the middle of a call that was already running (streams).</summary>
    public static QueryRefusedException FromInference(RpcException ex) => ex.StatusCode == StatusCode.InvalidArgument
        ? QueryRefusedException.BadRequest(QueryReasons.PromptTooLong, ex.Status.Detail)
        : QueryRefusedException.Unavailable(QueryReasons.InferenceUnavailable, "The model");

    /// <summary>Runs the call; a failure other than the caller's own cancellation becomes the given refusal.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call, Func<RpcException, QueryRefusedException> refusal)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
        {
            throw refusal(ex);
        }
    }
}
