using System.Text.RegularExpressions;

namespace SecureRag.Hosting.ApplicationModel;

/// <summary>What an environment-variable callback can use when a process of a resource is about to start.</summary>
public sealed partial class EnvironmentCallbackContext
{
    private readonly Func<string, string> _getSecret;
    private readonly Func<string, string, int, Uri> _getEndpoint;

    internal EnvironmentCallbackContext(
        IResource resource, string instanceName, string dataDirectory, Func<string, string> getSecret, Func<string, string, int, Uri> getEndpoint)
    {
        Resource = resource;
        InstanceName = instanceName;
        DataDirectory = dataDirectory;
        _getSecret = getSecret;
        _getEndpoint = getEndpoint;
    }

    /// <summary>The resource whose process is starting.</summary>
    public IResource Resource { get; }

    /// <summary>The instance that is starting, e.g. <c>gateway-1</c>.</summary>
    public string InstanceName { get; }

    /// <summary>The AppHost's data directory (a fresh temporary one in tests).</summary>
    public string DataDirectory { get; }

    /// <summary>
    /// A secret generated at the first start (32 letters and digits) and kept in <c>{DataDirectory}/secrets/{name}</c>
    /// (mode 0600), so it is the same on every start that uses this data directory.
    /// </summary>
    /// <param name="name">Lowercase letters, digits and '-'.</param>
    public string GetSecret(string name)
    {
        if (!SecretName().IsMatch(name))
        {
            throw new ArgumentException($"Secret name '{name}' is not valid: use lowercase letters, digits and '-'.", nameof(name));
        }

        return _getSecret(name);
    }

    /// <summary>The address of a project's endpoint (<c>http</c> or <c>grpc</c>) or a server's (<c>tcp</c>).</summary>
    public Uri GetEndpoint(string resourceName, string endpointName = ProjectResource.HttpEndpointName, int replica = 0) =>
        _getEndpoint(resourceName, endpointName, replica);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,99}$")]
    private static partial Regex SecretName();
}
