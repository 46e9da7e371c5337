using Grpc.Core;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SecureRag.Gateway.Apis;

/// <summary>Runs a downstream call and turns its refusal into problem details.</summary>
public static class RpcCall
{
    public static async Task<Results<TResult, ProblemHttpResult>> Try<TResult>(Func<Task<TResult>> call)
        where TResult : IResult
    {
        try
        {
            return await call();
        }
        catch (RpcException ex)
        {
            return RpcProblems.From(ex);
        }
    }
}
