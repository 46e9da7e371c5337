using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using SecureRag.Hosting.ApplicationModel;
using SecureRag.Hosting.Servers;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Decides, before anything starts, every port and credential of a run: free loopback ports, credentials read from (or
/// generated into) the data directory, and the servers given as connection strings in configuration.
/// </summary>
internal static class AddressPlanner
{
    private const string Loopback = "127.0.0.1";
    private const string AdminPassword = "admin-password";

    public static ResourceAddresses Plan(
        IEnumerable<IResource> resources, IConfiguration configuration, Func<string, string> resourceDirectory, ILogger logger)
    {
        var model = resources.ToList();
        var addresses = new ResourceAddresses();
        var servers = model.Where(IsServer).ToList();
        var projects = model.OfType<ProjectResource>().ToList();
        var ours = servers.Where(s => string.IsNullOrWhiteSpace(configuration.GetConnectionString(s.Name))).ToList();
        var ports = new Queue<int>(PortAllocator.Allocate(ours.Count + projects.Sum(p => p.EndpointNames.Count * p.Replicas)));

        foreach (var server in servers)
        {
            var secrets = new SecretStore(Path.Combine(resourceDirectory(server.Name), "credentials"));
            if (configuration.GetConnectionString(server.Name) is { Length: > 0 } given)
            {
                addresses.ExternalConnectionStrings[server.Name] = given;
                addresses.Servers[server.Name] = server switch
                {
                    PostgresServerResource => ConnectionStringFormat.ParsePostgres(given),
                    RedisResource => ConnectionStringFormat.ParseRedis(given),
                    _ => ConnectionStringFormat.ParseAmqp(given),
                };
                continue;
            }

            var root = resourceDirectory(server.Name);
            switch (server)
            {
                case PostgresServerResource:
                    if (File.Exists(Path.Combine(PostgresInstance.DataFolder(root), "PG_VERSION")) && !secrets.Exists(AdminPassword))
                    {
                        throw new InvalidOperationException(
                            $"'{root}' holds a PostgreSQL cluster but not its credentials; delete the folder to start afresh.");
                    }

                    addresses.Servers[server.Name] = new(Loopback, ports.Dequeue(), PostgresServerResource.AdminUserName, secrets.GetOrCreate(AdminPassword));
                    break;
                case RedisResource:
                    addresses.Servers[server.Name] = new(Loopback, ports.Dequeue(), "", secrets.GetOrCreate(AdminPassword));
                    break;
                default:
                    var mnesia = Path.Combine(root, "mnesia");
                    if (!secrets.Exists(AdminPassword) && Directory.Exists(mnesia))
                    {
                        // RabbitMQ applies the configured administrator only when it creates its database.
                        logger.LogWarning("{Resource} has data but no credentials; starting its data afresh", server.Name);
                        Directory.Delete(mnesia, recursive: true);
                    }

                    addresses.Servers[server.Name] = new(Loopback, ports.Dequeue(), secrets.GetOrCreate("admin-user", () => "securerag"), secrets.GetOrCreate(AdminPassword));
                    break;
            }
        }

        foreach (var project in projects)
        {
            addresses.Replicas[project.Name] = [.. Enumerable.Range(0, project.Replicas).Select(_ => new ReplicaPorts(ports.Dequeue(), ports.Dequeue(), project.HasHttpsEndpoint ? ports.Dequeue() : null))];
            foreach (var database in project.Annotations.OfType<ResourceReferenceAnnotation>().Select(a => a.Resource).OfType<PostgresDatabaseResource>())
            {
                var secrets = new SecretStore(Path.Combine(resourceDirectory(database.Parent.Name), "credentials"));
                addresses.RolePasswords[project.Name] = secrets.GetOrCreate($"role-{project.Name}");
            }
        }

        return addresses;
    }

    private static bool IsServer(IResource resource) => resource is PostgresServerResource or RedisResource or RabbitMQServerResource;
}
