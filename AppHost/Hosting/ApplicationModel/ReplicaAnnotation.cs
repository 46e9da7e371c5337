namespace SecureRag.Hosting.ApplicationModel;

/// <summary>How many processes of the annotated project run; the last annotation wins.</summary>
/// <param name="Replicas">The number of replicas, at least 1.</param>
public sealed record ReplicaAnnotation(int Replicas) : IResourceAnnotation;
