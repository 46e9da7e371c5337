namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A piece of metadata attached to a resource by the app model's extension methods.</summary>
public interface IResourceAnnotation;
