using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>What every runner of a run shares.</summary>
internal sealed record OrchestratorContext(
    AppHostOptions Options,
    string RepositoryRoot,
    string DataDirectory,
    ResourceAddresses Addresses,
    ResourceNotificationService Notifications,
    ResourceConsoleLogs ConsoleLogs,
    PidRegistry Pids,
    TimeProvider TimeProvider,
    ILoggerFactory LoggerFactory,
    HttpClient ProbeClient)
{
    /// <summary>The folder of a server resource's data and credentials.</summary>
    public string ResourceDirectory(string resourceName) => Path.Combine(DataDirectory, resourceName);

    /// <summary>The credentials kept beside a resource's data.</summary>
    public SecretStore Secrets(string resourceName) => new(Path.Combine(ResourceDirectory(resourceName), "credentials"));
}
