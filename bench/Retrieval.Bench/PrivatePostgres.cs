using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SecureRag.Retrieval.Bench;

/// <summary>
/// A throw-away PostgreSQL 15 server with pgvector in a temporary folder, set up the way the AppHost sets up a
/// service's database: extension <c>vector</c> in public, a login role <c>retrieval</c> owning schema
/// <c>retrieval</c>, connections with that search path. Runs as user postgres when started by root.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Bin = "/usr/lib/postgresql/15/bin";
    private const string Password = "retrieval-test";
    private readonly string _root;
    private readonly Process _server;
    private readonly bool _keep;

    private PrivatePostgres(string root, Process server, int port, bool keep)
    {
        _root = root;
        _server = server;
        Port = port;
        _keep = keep;
    }

    public int Port { get; }

    /// <summary>Whether the server started on data an earlier run kept.</summary>
    public bool Reused { get; private init; }

    /// <summary>The service's connection string (role retrieval, search path retrieval), as the AppHost gives it.</summary>
    public string ConnectionString(string? options = null) =>
        $"Host=127.0.0.1;Port={Port};Database=securerag;Username=retrieval;Password={Password};Search Path=retrieval;Pooling=true;Maximum Pool Size=50"
        + (options is null ? "" : $";Options={options}");

    public string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Database=securerag;Username=postgres";

    /// <param name="keepAt">A folder to keep the server's data in, and to start from if an earlier run kept it there.</param>
    public static async Task<PrivatePostgres> StartAsync(
        IReadOnlyList<string>? settings = null, string? keepAt = null, CancellationToken cancellationToken = default)
    {
        var root = keepAt is null ? Directory.CreateTempSubdirectory("securerag-retrieval-pg-").FullName : Directory.CreateDirectory(keepAt).FullName;
        var data = Path.Combine(root, "data");
        var reused = File.Exists(Path.Combine(data, "PG_VERSION"));
        var asRoot = Environment.UserName == "root";
        if (!reused)
        {
            await RunAsync("chmod", ["755", root], cancellationToken);
            Directory.CreateDirectory(data);
            if (asRoot)
            {
                await RunAsync("chown", ["postgres:postgres", data], cancellationToken);
            }

            await RunAsync("chmod", ["700", data], cancellationToken);
            await RunAsync(Path.Combine(Bin, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync"], cancellationToken, asRoot);
        }

        var port = FreePort();
        string[] arguments = ["-D", data, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-k", "",
            "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
            .. (settings ?? []).SelectMany(s => new[] { "-c", s })];
        var server = Process.Start(Start(Path.Combine(Bin, "postgres"), arguments, asRoot))!;

        // Drained, so a chatty server never blocks on a full pipe.
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, _) => { };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        var instance = new PrivatePostgres(root, server, port, keepAt is not null) { Reused = reused };
        try
        {
            await instance.WaitAndProvisionAsync(reused, cancellationToken);
        }
        catch
        {
            await instance.DisposeAsync();
            throw;
        }

        return instance;
    }

    private async Task WaitAndProvisionAsync(bool reused, CancellationToken cancellationToken)
    {
        var admin = $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Pooling=false";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin);
                await connection.OpenAsync(cancellationToken);
                if (!reused)
                {
                    await Execute(connection, "CREATE DATABASE securerag", cancellationToken);
                }

                break;
            }
            catch (NpgsqlException) when (DateTime.UtcNow < deadline && !_server.HasExited)
            {
                await Task.Delay(100, cancellationToken);
            }
        }

        if (reused)
        {
            return;
        }

        await using var db = new NpgsqlConnection(AdminConnectionString + ";Pooling=false");
        await db.OpenAsync(cancellationToken);
        await Execute(db, "CREATE EXTENSION IF NOT EXISTS vector", cancellationToken);
        await Execute(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC", cancellationToken);
        await Execute(db, $"CREATE ROLE retrieval WITH LOGIN PASSWORD '{Password}'", cancellationToken);
        await Execute(db, "CREATE SCHEMA retrieval AUTHORIZATION retrieval", cancellationToken);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static ProcessStartInfo Start(string file, IEnumerable<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "setpriv" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres)
        {
            foreach (var a in (string[])["--reuid=postgres", "--regid=postgres", "--init-groups", "--", file])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task RunAsync(string file, IEnumerable<string> arguments, CancellationToken cancellationToken, bool asPostgres = false)
    {
        using var process = Process.Start(Start(file, arguments, asPostgres))!;
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed ({process.ExitCode}): {await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (!_server.HasExited)
        {
            // SIGINT: PostgreSQL's fast shutdown.
            _ = Process.Start("kill", ["-INT", _server.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            try
            {
                await _server.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _server.Kill();
            }
        }

        _server.Dispose();
        if (_keep)
        {
            return;
        }

        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
