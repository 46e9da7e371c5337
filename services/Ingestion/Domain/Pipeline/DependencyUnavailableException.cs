namespace SecureRag.Ingestion.Domain.Pipeline;

/// <summary>A service a job needs (Guardrail, Inference, Retrieval, Auth) cannot be reached now: the job waits and retries.</summary>
public sealed class DependencyUnavailableException(string dependency, string message, Exception? inner = null)
    : Exception($"{dependency} is unavailable: {message}", inner)
{
    public string Dependency { get; } = dependency;
}
