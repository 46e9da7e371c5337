namespace SecureRag.Hosting.Orchestration;

/// <summary>The two loopback ports of one project replica.</summary>
/// <param name="Http">The HTTP/1.1 endpoint's port.</param>
/// <param name="Grpc">The HTTP/2 endpoint's port.</param>
internal sealed record ReplicaPorts(int Http, int Grpc)
{
    public Uri HttpUri => new($"http://127.0.0.1:{Http}");

    public Uri GrpcUri => new($"http://127.0.0.1:{Grpc}");
}
