namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A resource that can wait for other resources to be healthy before it starts.</summary>
public interface IResourceWithWaitSupport : IResource;
