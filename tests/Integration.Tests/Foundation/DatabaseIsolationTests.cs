using Npgsql;
using SecureRag.Integration.Tests.Infrastructure;

namespace SecureRag.Integration.Tests.Foundation;

public sealed class DatabaseIsolationTests(PlatformFixture platform)
{
    [Theory]
    [InlineData("gateway", "auth.api_keys")]
    [InlineData("retrieval", "auth.users")]
    [InlineData("auth", "gateway.outbox_messages")]
    public async Task ServiceRoleCannotReadAnotherServicesSchema(string service, string foreignTable)
    {
        await using var connection = new NpgsqlConnection(platform.App.GetDatabaseConnectionString(service));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM {foreignTable}", connection);

        var error = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteScalarAsync(TestContext.Current.CancellationToken));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task ServiceRoleReadsItsOwnSchema()
    {
        await using var connection = new NpgsqlConnection(platform.App.GetDatabaseConnectionString("auth"));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM api_keys", connection);

        var count = (long)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;

        Assert.True(count > 0);
    }
}
