namespace SecureRag.Hosting.ApplicationModel;

/// <summary>
/// A database of a PostgreSQL server. Every project that references it gets its own login role and schema, both
/// named after the project, and a connection string (named after this resource) for that role.
/// </summary>
/// <param name="name">The resource name, also the connection-string name.</param>
/// <param name="databaseName">The database's name on the server.</param>
/// <param name="parent">The server.</param>
public sealed class PostgresDatabaseResource(string name, string databaseName, PostgresServerResource parent)
    : Resource(name), IResourceWithConnectionString, IResourceWithParent<PostgresServerResource>
{
    /// <summary>The database's name on the server.</summary>
    public string DatabaseName { get; } = databaseName;

    /// <inheritdoc />
    public PostgresServerResource Parent { get; } = parent;
}
