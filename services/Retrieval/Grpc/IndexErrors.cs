using SecureRag.Retrieval.Domain.Indexing;

namespace SecureRag.Retrieval.Grpc;

/// <summary>Maps the write side's domain failures to gRPC statuses.</summary>
public static class IndexErrors
{
    public static async Task<T> MapAsync<T>(Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (IndexConflictException ex)
        {
            throw RpcErrors.FailedPrecondition(ex.Message);
        }
        catch (IndexNotFoundException ex)
        {
            throw RpcErrors.NotFound(ex.Message);
        }
        catch (ArgumentException ex)
        {
            throw RpcErrors.InvalidArgument(ex.Message);
        }
    }
}
