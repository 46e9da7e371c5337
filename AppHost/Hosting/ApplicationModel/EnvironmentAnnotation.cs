namespace SecureRag.Hosting.ApplicationModel;

/// <summary>An environment variable set on the annotated resource's process; later annotations win.</summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Its value.</param>
public sealed record EnvironmentAnnotation(string Name, string Value) : IResourceAnnotation;
