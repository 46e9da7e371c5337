namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// An environment variable whose value is computed when a process of the annotated resource is about to start
/// (secrets, paths in the data directory, endpoints); later annotations win.
/// </summary>
/// <param name="Name">The variable's name.</param>
/// <param name="Value">Computes its value.</param>
public sealed record EnvironmentCallbackAnnotation(string Name, Func<EnvironmentCallbackContext, string> Value) : IResourceAnnotation;
