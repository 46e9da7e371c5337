using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Orchestration;

/// <summary>
/// Every address and credential of a run, decided before anything starts: ports stay the same when a resource is
/// stopped and started again, so the connection strings the projects received stay valid.
/// </summary>
internal sealed class ResourceAddresses
{
    public Dictionary<string, ServerAddress> Servers { get; } = [];

    /// <summary>Connection strings given in configuration, passed on verbatim.</summary>
    public Dictionary<string, string> ExternalConnectionStrings { get; } = [];

    public Dictionary<string, IReadOnlyList<ReplicaPorts>> Replicas { get; } = [];

    /// <summary>The password of each project's database role, by project name.</summary>
    public Dictionary<string, string> RolePasswords { get; } = [];

    public Uri? OtlpEndpoint { get; set; }

    public ServerAddress Server(IResource resource) =>
        Servers.TryGetValue(resource.Name, out var address)
            ? address
            : throw new InvalidOperationException($"'{resource.Name}' has no address: the application has not started.");

    /// <summary>An endpoint: <c>http</c>, <c>grpc</c> or <c>https</c> of a project replica, <c>tcp</c> of a server.</summary>
    public Uri Endpoint(string resourceName, string endpointName, int replica)
    {
        if (Replicas.TryGetValue(resourceName, out var replicas))
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(replica, replicas.Count);
            return replicas[replica].Endpoints.TryGetValue(endpointName, out var endpoint)
                ? endpoint
                : throw new ArgumentException($"Project '{resourceName}' has no endpoint '{endpointName}'.", nameof(endpointName));
        }

        return Servers.TryGetValue(resourceName, out var server)
            ? new Uri($"tcp://{server.Host}:{server.Port}")
            : throw new KeyNotFoundException($"Resource '{resourceName}' has no endpoints.");
    }

    /// <summary>The connection string a project receives for <paramref name="resource"/> (admin for a database).</summary>
    public string ConnectionString(IResourceWithConnectionString resource) => resource switch
    {
        _ when ExternalConnectionStrings.TryGetValue(resource.Name, out var given) => given,
        PostgresServerResource server => ConnectionStringFormat.Postgres(Server(server), database: null),
        PostgresDatabaseResource database => ConnectionStringFormat.Postgres(Server(database.Parent), database.DatabaseName),
        RedisResource redis => ConnectionStringFormat.Redis(Server(redis)),
        RabbitMQServerResource rabbit => ConnectionStringFormat.Amqp(Server(rabbit)),
        _ => throw new NotSupportedException($"'{resource.Name}' has no connection string."),
    };

    /// <summary>The connection string of <paramref name="project"/>'s own role on <paramref name="database"/>.</summary>
    public string RoleConnectionString(PostgresDatabaseResource database, ProjectResource project) =>
        RolePasswords.TryGetValue(project.Name, out var password)
            ? ConnectionStringFormat.PostgresRole(Server(database.Parent), database.DatabaseName, project.Name, password)
            : throw new InvalidOperationException($"'{project.Name}' does not reference database '{database.Name}'.");
}
