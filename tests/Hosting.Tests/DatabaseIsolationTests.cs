using Npgsql;

namespace SecureRag.Hosting.Tests;

/// <summary>Each service's role reaches its own schema only.</summary>
public sealed class DatabaseIsolationTests(ServersFixture fixture)
{
    private const string InsufficientPrivilege = "42501";
    private readonly DistributedApplication _app = fixture.App;

    [Fact]
    public async Task ServiceRoleCannotReadAnotherServicesSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        var table = $"secrets_{Guid.NewGuid():N}";
        await using (var alpha = new NpgsqlConnection(_app.GetDatabaseConnectionString("alpha")))
        {
            await alpha.OpenAsync(ct);
            await Execute(alpha, $"CREATE TABLE {table} (value text); INSERT INTO {table} VALUES ('alpha only')", ct);
            await using var read = new NpgsqlCommand($"SELECT value FROM alpha.{table}", alpha);
            Assert.Equal("alpha only", await read.ExecuteScalarAsync(ct));
        }

        await using var beta = new NpgsqlConnection(_app.GetDatabaseConnectionString("beta"));
        await beta.OpenAsync(ct);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => Execute(beta, $"SELECT value FROM alpha.{table}", ct));
        Assert.Equal(InsufficientPrivilege, denied.SqlState);
        Assert.Contains("permission denied for schema alpha", denied.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceRoleCannotCreateObjectsInThePublicSchemaNorConnectToOtherDatabases()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var beta = new NpgsqlConnection(_app.GetDatabaseConnectionString("beta"));
        await beta.OpenAsync(ct);
        var denied = await Assert.ThrowsAsync<PostgresException>(() => Execute(beta, $"CREATE TABLE public.t_{Guid.NewGuid():N} (id int)", ct));
        Assert.Equal(InsufficientPrivilege, denied.SqlState);

        var otherDatabase = new NpgsqlConnectionStringBuilder(_app.GetDatabaseConnectionString("beta")) { Database = "postgres", SearchPath = null };
        await using var elsewhere = new NpgsqlConnection(otherDatabase.ConnectionString);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => elsewhere.OpenAsync(ct));
        Assert.Equal(InsufficientPrivilege, refused.SqlState);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
