using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SecureRag.Audit.Extensions;
using SecureRag.Audit.Infrastructure;
using SecureRag.ServiceDefaults.Data;
using SecureRag.TestSupport;

namespace SecureRag.Audit.Tests;

/// <summary>
/// One Audit service instance's storage over a test database, wired by the service's own
/// <see cref="AuditServiceExtensions.AddAuditStorage"/>, in Production mode with a real chain key.
/// </summary>
public sealed class AuditTestHost : IAsyncDisposable
{
    public static readonly string ChainKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    private readonly IHost _host;

    private AuditTestHost(IHost host, PostgresServer server, string database, string checkpointPath)
    {
        _host = host;
        Server = server;
        Database = database;
        CheckpointPath = checkpointPath;
    }

    public PostgresServer Server { get; }

    public string Database { get; }

    public string CheckpointPath { get; }

    public IServiceProvider Services => _host.Services;

    public ChainWriter Writer => Services.GetRequiredService<ChainWriter>();

    public ChainVerifier Verifier => Services.GetRequiredService<ChainVerifier>();

    /// <summary>A new database, migrated.</summary>
    public static async Task<AuditTestHost> StartAsync(PostgresServer server)
    {
        var database = await server.CreateDatabaseAsync();
        var host = await ConnectAsync(server, database, Path.Combine(Path.GetTempPath(), $"audit-checkpoint-{Guid.NewGuid():N}.json"));
        await host.Services.GetRequiredService<MigrationRunner>().ApplyAsync(TestContext.Current.CancellationToken);
        return host;
    }

    /// <summary>Another service instance over the same database (its own connection pool).</summary>
    public static Task<AuditTestHost> ConnectAsync(PostgresServer server, string database, string checkpointPath, string? chainKey = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, ApplicationName = "Audit" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:securerag"] = server.ServiceConnectionString(database),
            ["Audit:ChainKey"] = chainKey ?? ChainKey,
            ["Audit:Checkpoint:Path"] = checkpointPath,
        });
        builder.AddAuditStorage();
        return Task.FromResult(new AuditTestHost(builder.Build(), server, database, checkpointPath));
    }

    /// <summary>Runs SQL as the superuser with triggers off: an attacker with full access to the database.</summary>
    public async Task TamperAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.AdminConnectionString(Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SET session_replication_role = replica; SET search_path = audit; {sql}", connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }

    public async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Server.AdminConnectionString(Database));
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand($"SET search_path = audit; {sql}", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.Services.GetRequiredService<NpgsqlDataSource>().DisposeAsync();
        _host.Dispose();
        File.Delete(CheckpointPath);
    }
}
