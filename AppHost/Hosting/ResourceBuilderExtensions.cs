using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>References, waits and environment variables between resources.</summary>
public static class ResourceBuilderExtensions
{
    /// <summary>
    /// Passes <paramref name="source"/>'s connection string as <c>ConnectionStrings__{name}</c>. For a database, the
    /// project gets its own role and schema, named after the project.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment => builder.WithAnnotation(new ResourceReferenceAnnotation(NotNull(source).Resource));

    /// <summary>
    /// Passes <paramref name="source"/>'s endpoints for service discovery, one per replica:
    /// <c>services__{name}__http__{i}</c> and <c>services__{name}__grpc__{i}</c>.
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> source)
        where T : IResourceWithEnvironment => builder.WithAnnotation(new ResourceReferenceAnnotation(NotNull(source).Resource));

    /// <summary>Starts the resource only once <paramref name="dependency"/> is healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency)
        where T : IResourceWithWaitSupport => builder.WithAnnotation(new WaitAnnotation(NotNull(dependency).Resource));

    /// <summary>Sets an environment variable of the resource's processes (overriding what the AppHost would set).</summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentAnnotation(name, value));
    }

    /// <summary>
    /// Sets an environment variable whose value is computed each time a process of the resource starts, e.g. from a
    /// generated secret (<see cref="EnvironmentCallbackContext.GetSecret"/>) or an endpoint.
    /// </summary>
    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, Func<EnvironmentCallbackContext, string> value)
        where T : IResourceWithEnvironment
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(name, value));
    }

    /// <summary>Attaches an annotation to the resource.</summary>
    public static IResourceBuilder<T> WithAnnotation<T>(this IResourceBuilder<T> builder, IResourceAnnotation annotation)
        where T : IResource
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(annotation);
        builder.Resource.Annotations.Add(annotation);
        return builder;
    }

    private static TBuilder NotNull<TBuilder>(TBuilder? value) where TBuilder : class =>
        value ?? throw new ArgumentNullException(nameof(value));
}
