namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A resource that a project reaches through a connection string named after the resource.</summary>
public interface IResourceWithConnectionString : IResource;
