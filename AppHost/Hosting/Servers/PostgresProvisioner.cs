using Npgsql;
using SecureRag.Hosting.ApplicationModel;

namespace SecureRag.Hosting.Servers;

/// <summary>
/// Makes a database ready for its services, idempotently on every start: the database, the <c>vector</c> extension,
/// and for each service a login role and a schema of the same name owned by it. PUBLIC loses every right on the
/// database; each role may connect, and reaches no schema but its own (and <c>public</c>, where nobody may create).
/// </summary>
internal static class PostgresProvisioner
{
    /// <param name="adminConnectionString">An administrator's connection string (its database is used to create the new one).</param>
    /// <param name="database">The database resource.</param>
    /// <param name="roles">The role name and password of each service.</param>
    /// <param name="ownServer">Whether the AppHost owns the server: then the service roles may not connect to its
    /// maintenance databases either (on a shared server those are not ours to change).</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public static async Task ProvisionAsync(
        string adminConnectionString,
        PostgresDatabaseResource database,
        IReadOnlyList<(string Role, string Password)> roles,
        bool ownServer,
        CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(adminConnectionString) { Pooling = false };
        admin.Database ??= "postgres";
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection) { Parameters = { new() { Value = database.DatabaseName } } };
            if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null)
            {
                await ExecuteAsync(connection, $"CREATE DATABASE {Quote(database.DatabaseName)}", cancellationToken).ConfigureAwait(false);
            }

            if (ownServer)
            {
                await ExecuteAsync(connection, "REVOKE CONNECT ON DATABASE postgres FROM PUBLIC", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, "REVOKE CONNECT ON DATABASE template1 FROM PUBLIC", cancellationToken).ConfigureAwait(false);
            }
        }

        admin.Database = database.DatabaseName;
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var db = Quote(database.DatabaseName);
            if (database.Parent.PgVector)
            {
                await ExecuteAsync(connection, "CREATE EXTENSION IF NOT EXISTS vector", cancellationToken).ConfigureAwait(false);
            }

            await ExecuteAsync(connection, $"REVOKE ALL ON DATABASE {db} FROM PUBLIC", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", cancellationToken).ConfigureAwait(false);
            foreach (var (name, password) in roles)
            {
                var role = Quote(name);
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = $1", connection) { Parameters = { new() { Value = name } } };
                var verb = await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is null ? "CREATE" : "ALTER";

                // DDL takes no parameters; the password is generated from a letters-and-digits alphabet, quoted anyway.
                await ExecuteAsync(connection, $"{verb} ROLE {role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD {Literal(password)}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {role} AUTHORIZATION {role}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"ALTER SCHEMA {role} OWNER TO {role}", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"REVOKE ALL ON SCHEMA {role} FROM PUBLIC", cancellationToken).ConfigureAwait(false);
                await ExecuteAsync(connection, $"GRANT CONNECT ON DATABASE {db} TO {role}", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
