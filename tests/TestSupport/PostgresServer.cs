using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using Xunit;

namespace SecureRag.TestSupport;

/// <summary>
/// A private PostgreSQL 15 for the test run: its own data folder in a temporary directory, a free loopback port, no
/// durability (fsync off). As root it runs as the postgres user, since initdb refuses root. Each test gets its own
/// database (<see cref="CreateDatabaseAsync"/>) with the service's role and schema, laid out as the AppHost does.
/// A test project makes it an assembly fixture through a sealed subclass naming its service's role.
/// </summary>
/// <param name="serviceRole">The service's role and schema; it also names the data folder and the databases.</param>
/// <param name="servicePassword">The service role's password.</param>
public abstract class PostgresServer(string serviceRole, string servicePassword) : IAsyncLifetime
{
    private static readonly string Bin = Environment.GetEnvironmentVariable("PG_BIN") ?? "/usr/lib/postgresql/15/bin";
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"{serviceRole}-tests-{Guid.NewGuid():N}");
    private int _databases;

    public string ServiceRole { get; } = serviceRole;

    public string ServicePassword { get; } = servicePassword;

    public int Port { get; } = FreePort();

    private string DataDirectory => Path.Combine(_root, "data");

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(_root);
        if (IsRoot)
        {
            await RunAsync("chown", "postgres", _root);
        }

        await RunPostgresToolAsync("initdb", "-D", DataDirectory, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync", "--no-instructions");
        await RunPostgresToolAsync(
            "pg_ctl", "-D", DataDirectory, "-l", Path.Combine(_root, "postgres.log"), "-w", "-t", "60", "-o",
            $"-p {Port} -k {_root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start");

        await using var connection = new NpgsqlConnection(AdminConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE ROLE {ServiceRole} LOGIN PASSWORD '{ServicePassword}'", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await RunPostgresToolAsync("pg_ctl", "-D", DataDirectory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    public string AdminConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=false";

    public string ServiceConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username={ServiceRole};Password={ServicePassword};Database={database};Search Path={ServiceRole}";

    /// <summary>A fresh database holding the service's schema, owned by its role.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = $"{ServiceRole}_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(AdminConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} STRATEGY FILE_COPY", connection);
            await create.ExecuteNonQueryAsync();
        }

        await using (var connection = new NpgsqlConnection(AdminConnectionString(name)))
        {
            await connection.OpenAsync();
            await using var schema = new NpgsqlCommand($"CREATE SCHEMA {ServiceRole} AUTHORIZATION {ServiceRole}", connection);
            await schema.ExecuteNonQueryAsync();
        }

        return name;
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static Task RunPostgresToolAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(Bin, tool), .. args]) : RunAsync(Path.Combine(Bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
