namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The annotated resource starts only once <paramref name="Resource"/> is healthy.</summary>
/// <param name="Resource">The resource waited for.</param>
public sealed record WaitAnnotation(IResource Resource) : IResourceAnnotation;
