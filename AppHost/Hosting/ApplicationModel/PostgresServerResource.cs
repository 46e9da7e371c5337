namespace SecureRag.Hosting.ApplicationModel;

/// <summary>A PostgreSQL 15 server: a private instance started by the AppHost, or an existing one named by
/// <c>ConnectionStrings:{name}</c> (an administrator's connection string).</summary>
/// <param name="name">The resource name, also the name of the administrator's connection string.</param>
public sealed class PostgresServerResource(string name) : Resource(name), IResourceWithConnectionString
{
    /// <summary>The administrator role of a private instance.</summary>
    public const string AdminUserName = "postgres";

    private readonly List<PostgresDatabaseResource> _databases = [];

    /// <summary>The databases added with <c>AddDatabase</c>.</summary>
    public IReadOnlyList<PostgresDatabaseResource> Databases => _databases;

    /// <summary>Whether the server's databases get the <c>vector</c> extension (<c>WithPgVector</c>).</summary>
    public bool PgVector => Annotations.OfType<PgVectorAnnotation>().Any();

    internal void AddDatabase(PostgresDatabaseResource database) => _databases.Add(database);
}
