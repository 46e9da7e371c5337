using Npgsql;

namespace SecureRag.Audit.Tests;

/// <summary>The service's own role can insert and read records, never change or remove them.</summary>
public sealed class AppendOnlyTests(AuditPostgresServer server)
{
    [Theory]
    [InlineData("UPDATE audit_events SET outcome = 'denied' WHERE sequence = 1")]
    [InlineData("DELETE FROM audit_events WHERE sequence = 1")]
    [InlineData("TRUNCATE audit_events")]
    [InlineData("DELETE FROM audit_tombstones")]
    public async Task ServiceRoleCannotChangeOrRemoveRecords(string statement)
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(Events.Entries(3), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<PostgresException>(() => AsServiceRoleAsync(host, statement));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE outcome = 'success'"));
    }

    [Theory]
    [InlineData("UPDATE", "UPDATE audit_events SET outcome = 'denied' WHERE sequence = 1")]
    [InlineData("DELETE", "DELETE FROM audit_events WHERE sequence = 1")]
    [InlineData("TRUNCATE", "TRUNCATE audit_events")]
    public async Task TriggersRefuseEvenWhenTheRoleGrantsItselfThePrivilege(string privilege, string statement)
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(Events.Entries(3), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            AsServiceRoleAsync(host, $"GRANT {privilege} ON audit_events TO CURRENT_USER; {statement}"));

        // Raised by the guard trigger, not by the privilege check the role just lifted.
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
        Assert.Contains("PL/pgSQL", error.Where, StringComparison.Ordinal);
        Assert.Equal(3, await host.ScalarAsync("SELECT count(*) FROM audit_events WHERE outcome = 'success'"));
    }

    [Fact]
    public async Task ServiceRoleCanInsertAndRead()
    {
        await using var host = await AuditTestHost.StartAsync(server);
        await host.Writer.AppendAsync(Events.Entries(2), TestContext.Current.CancellationToken);

        await AsServiceRoleAsync(host, "SELECT count(*) FROM audit_events");
    }

    private static async Task AsServiceRoleAsync(AuditTestHost host, string sql)
    {
        await using var connection = new NpgsqlConnection(host.Server.ServiceConnectionString(host.Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
    }
}
