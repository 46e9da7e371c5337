namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A resource whose process receives environment variables (references, endpoints, telemetry).</summary>
public interface IResourceWithEnvironment : IResource;
