using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Projects;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Display names and instance names of the resource kinds.</summary>
internal static class ResourceTypes
{
    public static string Of(IResource resource) => resource switch
    {
        ProjectResource => "Project",
        PostgresServerResource => "PostgreSQL",
        PostgresDatabaseResource => "Database",
        RedisResource => "Redis",
        RabbitMQServerResource => "RabbitMQ",
        _ => resource.GetType().Name,
    };

    public static IReadOnlyList<string> InstanceNames(IResource resource) => resource is ProjectResource project
        ? [.. Enumerable.Range(0, project.Replicas).Select(i => ProjectReplicaInstance.InstanceNameOf(project, i))]
        : [resource.Name];
}
