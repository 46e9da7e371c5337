using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting;

/// <summary>Adds PostgreSQL servers and databases to the app model.</summary>
public static class PostgresBuilderExtensions
{
    /// <summary>Adds a PostgreSQL 15 server (a private instance, or the one in <c>ConnectionStrings:{name}</c>).</summary>
    public static IResourceBuilder<PostgresServerResource> AddPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddResource(new PostgresServerResource(name));
    }

    /// <summary>Creates the <c>vector</c> extension (pgvector) in the server's databases.</summary>
    public static IResourceBuilder<PostgresServerResource> WithPgVector(this IResourceBuilder<PostgresServerResource> builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Resource.PgVector)
        {
            builder.Resource.Annotations.Add(new PgVectorAnnotation());
        }

        return builder;
    }

    /// <summary>
    /// Adds a database (named <paramref name="databaseName"/>, or <paramref name="name"/>) whose referencing projects
    /// each get their own role and schema.
    /// </summary>
    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresServerResource> builder, string name, string? databaseName = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        var result = builder.ApplicationBuilder.AddResource(database);
        builder.Resource.AddDatabase(database);
        return result;
    }
}
