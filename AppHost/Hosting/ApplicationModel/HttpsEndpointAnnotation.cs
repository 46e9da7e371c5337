namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The annotated project also serves an <c>https</c> endpoint (<c>WithHttpsEndpoint</c>).</summary>
public sealed record HttpsEndpointAnnotation : IResourceAnnotation;
