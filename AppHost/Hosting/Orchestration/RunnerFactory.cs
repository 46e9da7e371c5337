using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Projects;
using SecureRag.Hosting.Servers;

namespace SecureRag.Hosting.Orchestration;

/// <summary>Creates the runner of each resource: our own server, an external one, a database or a project.</summary>
internal static class RunnerFactory
{
    public static ResourceRunner Create(IResource resource, IReadOnlyList<IResource> model, OrchestratorContext context)
    {
        var external = context.Addresses.ExternalConnectionStrings.ContainsKey(resource.Name);
        return resource switch
        {
            PostgresServerResource server when external => new ExternalServerRunner(server, ct => PostgresProbe.CheckAsync(context.Addresses.ConnectionString(server), ct), context),
            RedisResource redis when external => new ExternalServerRunner(redis, ct => RedisProbe.CheckAsync(context.Addresses.Server(redis), ct), context),
            RabbitMQServerResource rabbit when external => new ExternalServerRunner(rabbit, ct => AmqpProbe.CheckAsync(context.Addresses.Server(rabbit), ct), context),
            PostgresServerResource server => new ProcessResourceRunner(server, [new PostgresInstance(server, context)], context),
            RedisResource redis => new ProcessResourceRunner(redis, [new RedisInstance(redis, context)], context),
            RabbitMQServerResource rabbit => new ProcessResourceRunner(rabbit, [new RabbitMQInstance(rabbit, context)], context),
            PostgresDatabaseResource database => new DatabaseRunner(database, [.. model.OfType<ProjectResource>().Where(p => References(p, database))], context),
            ProjectResource project => new ProcessResourceRunner(
                project, [.. Enumerable.Range(0, project.Replicas).Select(i => new ProjectReplicaInstance(project, i, context))], context),
            _ => throw new NotSupportedException($"Resource '{resource.Name}' of type {resource.GetType().Name} cannot be run."),
        };
    }

    private static bool References(ProjectResource project, IResource resource) =>
        project.Annotations.OfType<ResourceReferenceAnnotation>().Any(a => a.Resource == resource);
}
