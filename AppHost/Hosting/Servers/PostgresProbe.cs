using Npgsql;

namespace SecureRag.Hosting.Servers;

/// <summary>A PostgreSQL round trip: connect, authenticate, <c>SELECT 1</c>.</summary>
internal static class PostgresProbe
{
    public static async Task<bool> CheckAsync(string connectionString, CancellationToken cancellationToken)
    {
        // No pool: a probe must not leave idle sessions behind, and a pooled connection would hide a restarted server.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5, CommandTimeout = 5 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT 1", connection);
        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is 1;
    }
}
