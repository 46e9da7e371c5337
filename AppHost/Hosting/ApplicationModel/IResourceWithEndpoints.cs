namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A resource that listens on named endpoints (one set per replica).</summary>
public interface IResourceWithEndpoints : IResource
{
    /// <summary>The endpoint names, e.g. <c>http</c> and <c>grpc</c>.</summary>
    IReadOnlyList<string> EndpointNames { get; }
}
