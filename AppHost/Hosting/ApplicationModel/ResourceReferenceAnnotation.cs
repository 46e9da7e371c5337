namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// The annotated resource receives <paramref name="Resource"/>'s connection string (or, for a project, its endpoints
/// as <c>services__name__endpoint__N</c>).
/// </summary>
/// <param name="Resource">The referenced resource.</param>
public sealed record ResourceReferenceAnnotation(IResource Resource) : IResourceAnnotation;
