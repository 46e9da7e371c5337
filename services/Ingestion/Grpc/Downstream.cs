using Grpc.Core;
using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Grpc;

/// <summary>
/// Runs an API call that writes through to the search index: an unavailable index fails the call (nothing changed)
/// with UNAVAILABLE, and an index refusal becomes FAILED_PRECONDITION with its reason.
/// </summary>
public static class Downstream
{
    public static async Task<T> TryAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (DependencyUnavailableException ex)
        {
            throw IngestionErrors.Unavailable($"{ex.Dependency} is unavailable, so nothing was changed; try again.");
        }
        catch (RpcException ex) when (ex.Trailers.Get(IngestionErrors.ProblemCodeTrailer) is null && ex.StatusCode is not (StatusCode.NotFound
            or StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.FailedPrecondition or StatusCode.Aborted
            or StatusCode.AlreadyExists or StatusCode.Unavailable or StatusCode.ResourceExhausted))
        {
            throw IngestionErrors.Conflict($"The search index refused the change: {ex.Status.Detail}");
        }
    }
}
