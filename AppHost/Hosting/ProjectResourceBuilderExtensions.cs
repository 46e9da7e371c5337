using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Adds .NET projects to the app model.</summary>
public static class ProjectResourceBuilderExtensions
{
    /// <summary>Adds a project, run from its build output; <paramref name="projectPath"/> is relative to the repository root.</summary>
    public static IResourceBuilder<ProjectResource> AddProject(this IDistributedApplicationBuilder builder, string name, string projectPath)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectPath);
        return builder.AddResource(new ProjectResource(name, projectPath));
    }

    /// <summary>
    /// Gives each replica an <c>https</c> endpoint as well (<c>Kestrel__Endpoints__https__Url</c>); the project supplies
    /// its certificate.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithHttpsEndpoint(this IResourceBuilder<ProjectResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Resource.Annotations.Add(new HttpsEndpointAnnotation());
        return builder;
    }

    /// <summary>Runs <paramref name="replicas"/> processes of the project, each with its own endpoints.</summary>
    public static IResourceBuilder<ProjectResource> WithReplicas(this IResourceBuilder<ProjectResource> builder, int replicas)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentOutOfRangeException.ThrowIfLessThan(replicas, 1);
        builder.Resource.Annotations.Add(new ReplicaAnnotation(replicas));
        return builder;
    }
}
