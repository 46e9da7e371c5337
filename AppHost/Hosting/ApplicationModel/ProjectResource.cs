namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// A .NET project run from its build output (<c>dotnet bin/{Configuration}/{tfm}/{Project}.dll</c>), one process per
/// replica, each with its own <c>http</c> and <c>grpc</c> endpoints (and <c>https</c> with <c>WithHttpsEndpoint</c>) on
/// free loopback ports.
/// </summary>
/// <param name="name">The resource name: the service name in discovery, telemetry and the database.</param>
/// <param name="projectPath">The <c>.csproj</c>, relative to the repository root or absolute.</param>
public sealed class ProjectResource(string name, string projectPath)
    : Resource(name), IResourceWithEnvironment, IResourceWithWaitSupport, IResourceWithEndpoints
{
    /// <summary>The HTTP/1.1 endpoint; <c>GET /health</c> on it decides whether a replica is healthy.</summary>
    public const string HttpEndpointName = "http";

    /// <summary>The HTTP/2 (cleartext) endpoint for gRPC.</summary>
    public const string GrpcEndpointName = "grpc";

    /// <summary>The HTTPS endpoint a public-facing project serves besides the other two (<c>WithHttpsEndpoint</c>).</summary>
    public const string HttpsEndpointName = "https";

    /// <summary>The project file, as given to <c>AddProject</c>.</summary>
    public string ProjectPath { get; } = projectPath;

    /// <inheritdoc />
    public IReadOnlyList<string> EndpointNames =>
        HasHttpsEndpoint ? [HttpEndpointName, GrpcEndpointName, HttpsEndpointName] : [HttpEndpointName, GrpcEndpointName];

    public bool HasHttpsEndpoint => Annotations.OfType<HttpsEndpointAnnotation>().Any();

    /// <summary>The number of replicas (<c>WithReplicas</c>), 1 by default.</summary>
    public int Replicas => Annotations.OfType<ReplicaAnnotation>().LastOrDefault()?.Replicas ?? 1;
}
