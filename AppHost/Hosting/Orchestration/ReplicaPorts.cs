using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>The loopback ports of one project replica.</summary>
/// <param name="Http">The HTTP/1.1 endpoint's port.</param>
/// <param name="Grpc">The HTTP/2 endpoint's port.</param>
/// <param name="Https">The HTTPS endpoint's port, when the project has one.</param>
internal sealed record ReplicaPorts(int Http, int Grpc, int? Https)
{
    public Uri HttpUri => new($"http://127.0.0.1:{Http}");

    public Uri GrpcUri => new($"http://127.0.0.1:{Grpc}");

    public Uri? HttpsUri => Https is { } port ? new($"https://127.0.0.1:{port}") : null;

    /// <summary>Every endpoint of the replica, by name.</summary>
    public IReadOnlyDictionary<string, Uri> Endpoints
    {
        get
        {
            var endpoints = new Dictionary<string, Uri>
            {
                [ProjectResource.HttpEndpointName] = HttpUri,
                [ProjectResource.GrpcEndpointName] = GrpcUri,
            };
            if (HttpsUri is { } https)
            {
                endpoints[ProjectResource.HttpsEndpointName] = https;
            }

            return endpoints;
        }
    }
}
