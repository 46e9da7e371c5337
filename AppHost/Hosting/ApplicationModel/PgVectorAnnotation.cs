namespace SecureRag.Hosting.ApplicationModel;

/// <summary>The annotated PostgreSQL server's databases get the <c>vector</c> extension.</summary>
public sealed record PgVectorAnnotation : IResourceAnnotation;
