using Npgsql;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace SecureRag.Hosting.Tests;

/// <summary>The servers the AppHost starts answer real round trips with the credentials it generated.</summary>
public sealed class ServerTests(ServersFixture fixture)
{
    private readonly DistributedApplication _app = fixture.App;

    [Fact]
    public async Task ServiceRoleAnswersSelectOneInItsOwnSchema()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(_app.GetDatabaseConnectionString("alpha"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT 1, current_user, current_schema()", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        Assert.True(await reader.ReadAsync(ct));
        Assert.Equal(1, reader.GetInt32(0));
        Assert.Equal("alpha", reader.GetString(1));
        Assert.Equal("alpha", reader.GetString(2));
    }

    [Fact]
    public async Task VectorExtensionIsCreatedInTheDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var connection = new NpgsqlConnection(_app.GetConnectionString("securerag"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("SELECT extversion FROM pg_extension WHERE extname = 'vector'", connection);
        var version = await command.ExecuteScalarAsync(ct) as string;
        Assert.NotNull(version);
        Assert.StartsWith("0.8", version);
    }

    [Fact]
    public async Task RedisAnswersPingWithItsPasswordAndRefusesCommandsWithout()
    {
        var connectionString = _app.GetConnectionString("cache");
        Assert.Contains("password=", connectionString, StringComparison.Ordinal);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(connectionString);
        var latency = await redis.GetDatabase().PingAsync();
        Assert.True(latency < TimeSpan.FromSeconds(5));

        var withoutPassword = ConfigurationOptions.Parse(connectionString);
        withoutPassword.Password = null;
        withoutPassword.AbortOnConnectFail = false;
        withoutPassword.ConnectTimeout = 2000;
        await using var anonymous = await ConnectionMultiplexer.ConnectAsync(withoutPassword);
        await Assert.ThrowsAnyAsync<Exception>(() => anonymous.GetDatabase().StringGetAsync("anything"));
    }

    [Fact]
    public async Task RabbitMQAcceptsAnAmqpConnectionWithTheGeneratedCredentialsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var uri = new Uri(_app.GetConnectionString("messaging"));
        Assert.Equal("amqp", uri.Scheme);

        var factory = new ConnectionFactory { Uri = uri };
        await using (var connection = await factory.CreateConnectionAsync(ct))
        await using (var channel = await connection.CreateChannelAsync(cancellationToken: ct))
        {
            var queue = await channel.QueueDeclareAsync(exclusive: true, cancellationToken: ct);
            Assert.StartsWith("amq.gen-", queue.QueueName);
        }

        var wrong = new ConnectionFactory { Uri = uri, Password = "not-the-password" };
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => wrong.CreateConnectionAsync(ct));
    }
}
