using Grpc.Core;
using SecureRag.Ingestion.Domain.Pipeline;

namespace SecureRag.Ingestion.Infrastructure.Downstream;

/// <summary>Which downstream refusals are worth waiting out (the service is down or overloaded) and which are final.</summary>
public static class RpcFailures
{
    public static async Task<T> CallAsync<T>(string dependency, Func<Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call();
        }
        catch (RpcException ex) when (IsTransient(ex.StatusCode) && !cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException(dependency, $"{ex.StatusCode}: {ex.Status.Detail}", ex);
        }
        catch (HttpRequestException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DependencyUnavailableException(dependency, ex.Message, ex);
        }
    }

    /// <summary>
    /// Unauthenticated counts as transient: it means this service's assertion was refused (keys rotating, Auth
    /// restarting), which resolves without the document changing.
    /// </summary>
    public static bool IsTransient(StatusCode status) => status is StatusCode.Unavailable or StatusCode.DeadlineExceeded
        or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.Internal or StatusCode.Unknown
        or StatusCode.Unauthenticated or StatusCode.Cancelled;
}
