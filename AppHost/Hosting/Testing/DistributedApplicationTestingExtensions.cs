using Grpc.Net.Client;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Testing;

/// <summary>Clients for a test application's projects.</summary>
public static class DistributedApplicationTestingExtensions
{
    /// <summary>An <see cref="HttpClient"/> whose base address is the project's endpoint (replica 0).</summary>
    public static HttpClient CreateHttpClient(this DistributedApplication app, string resourceName, string endpointName = ProjectResource.HttpEndpointName)
    {
        ArgumentNullException.ThrowIfNull(app);
        return new HttpClient { BaseAddress = app.GetEndpoint(resourceName, endpointName) };
    }

    /// <summary>A gRPC channel (HTTP/2 cleartext) to the project's <c>grpc</c> endpoint.</summary>
    public static GrpcChannel CreateGrpcChannel(this DistributedApplication app, string resourceName, int replica = 0)
    {
        ArgumentNullException.ThrowIfNull(app);
        return GrpcChannel.ForAddress(app.GetEndpoint(resourceName, ProjectResource.GrpcEndpointName, replica));
    }
}
